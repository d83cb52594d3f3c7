using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace NhiPlatform.Testing.Attacks;

/// <summary>Hand-built JWS compact tokens, so every header and claim can be bent.</summary>
public static class Jwt
{
    public static Dictionary<string, object?> Header(string alg, string? kid, string? typ = "at+jwt")
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (typ is not null)
        {
            header["typ"] = typ;
        }

        return header;
    }

    /// <summary>The claims of a valid access token for <paramref name="target"/> (RFC 9068), for a client the platform does not know.</summary>
    public static Dictionary<string, object?> Payload(AttackTarget target, string? scope = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["iss"] = target.Issuer,
            ["aud"] = target.Audience,
            ["sub"] = "corpus-client",
            ["client_id"] = "corpus-client",
            ["scope"] = scope ?? target.RouteScope,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static string SigningInput(object header, object payload) =>
        $"{Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";

    public static string Rs256(RSA key, object header, object payload, HashAlgorithmName? hash = null) =>
        Sign(header, payload, input => key.SignData(input, hash ?? HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string Ps256(RSA key, object header, object payload) =>
        Sign(header, payload, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));

    public static string Es256(ECDsa key, object header, object payload) =>
        Sign(header, payload, input => key.SignData(input, HashAlgorithmName.SHA256));

    public static string Hs256(byte[] secret, object header, object payload) =>
        Sign(header, payload, input => HMACSHA256.HashData(secret, input));

    public static string Unsigned(object header, object payload) => SigningInput(header, payload) + ".";

    private static string Sign(object header, object payload, Func<byte[], byte[]> signature)
    {
        var input = SigningInput(header, payload);
        return $"{input}.{Encode(signature(Encoding.ASCII.GetBytes(input)))}";
    }
}
