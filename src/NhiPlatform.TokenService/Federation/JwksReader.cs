using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Federation;

/// <summary>Reads a JWKS (RFC 7517 §5) into verification keys: RSA and EC signing keys only, public members only.</summary>
internal static class JwksReader
{
    public const int MaxKeys = 20;

    /// <summary>The signing keys of the set, or null when the text is not a JWKS.</summary>
    public static IReadOnlyList<SecurityKey>? Read(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception exception) when (exception is ArgumentException or System.Text.Json.JsonException)
        {
            return null;
        }

        return [.. set.Keys
            .Where(key => key.Kty is JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve)
            .Where(key => string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig)
            .Where(key => !key.HasPrivateKey)
            .Take(MaxKeys)];
    }
}
