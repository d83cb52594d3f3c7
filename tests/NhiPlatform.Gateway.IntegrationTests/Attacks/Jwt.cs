using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>Hand-built JWS compact tokens, so every header and claim can be bent.</summary>
internal static class Jwt
{
    public static Dictionary<string, object?> Header(string alg = "RS256", string? kid = StubKeysGateway.RsaKeyId, string? typ = "at+jwt")
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

    public static Dictionary<string, object?> Payload(string scope = "echo.read")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object?>
        {
            ["iss"] = GatewayTestTopology.Issuer,
            ["aud"] = "nhi-gateway",
            ["sub"] = "corpus-client",
            ["client_id"] = "corpus-client",
            ["scope"] = scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        };
    }

    public static string SigningInput(object header, object payload) =>
        $"{Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}";

    public static string Rs256(RSA key, object header, object payload, HashAlgorithmName? hash = null)
    {
        var input = SigningInput(header, payload);
        return $"{input}.{Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), hash ?? HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    public static string Es256(ECDsa key, object header, object payload)
    {
        var input = SigningInput(header, payload);
        return $"{input}.{Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256))}";
    }

    public static string Hs256(byte[] secret, object header, object payload)
    {
        var input = SigningInput(header, payload);
        return $"{input}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)))}";
    }

    public static string Unsigned(object header, object payload) => SigningInput(header, payload) + ".";
}
