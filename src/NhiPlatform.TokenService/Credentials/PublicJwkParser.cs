using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// Accepts a client's public key (RFC 7517) for private_key_jwt: RSA (at least 2048 bits) or EC P-256, public
/// members only. A JWK carrying private members is refused, never stored.
/// </summary>
internal static class PublicJwkParser
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    public static (JsonWebKey? Key, string? KeyId, string? Error) Parse(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            return (null, null, "The key must be a JWK object.");
        }

        if (PrivateMembers.Any(member => jwk.TryGetProperty(member, out _)))
        {
            return (null, null, "The JWK contains private key material; register the public key only.");
        }

        JsonWebKey key;
        try
        {
            key = new JsonWebKey(jwk.GetRawText());
        }
        catch (ArgumentException)
        {
            return (null, null, "The JWK is malformed.");
        }

        var valid = key.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => !string.IsNullOrEmpty(key.N) && !string.IsNullOrEmpty(key.E) && Base64UrlEncoder.DecodeBytes(key.N).Length >= 256,
            JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv == JsonWebKeyECTypes.P256 && !string.IsNullOrEmpty(key.X) && !string.IsNullOrEmpty(key.Y),
            _ => false,
        };
        if (!valid)
        {
            return (null, null, "Only RSA keys of at least 2048 bits and EC P-256 keys are accepted.");
        }

        var thumbprint = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        key.Kid = string.IsNullOrEmpty(key.Kid) ? thumbprint : key.Kid;
        return (key, key.Kid, null);
    }

    /// <summary>The JWK's public members as JSON, for storage.</summary>
    public static string ToPublicJson(JsonWebKey key) =>
        Signing.JwksWriter.WriteKey(key).ToJsonString();
}
