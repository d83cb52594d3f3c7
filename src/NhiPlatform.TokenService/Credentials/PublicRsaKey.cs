using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>The public members of an RSA JWK (RFC 7518 §6.3.1): a modulus of 2048 to 4096 bits, a small odd exponent.</summary>
internal static class PublicRsaKey
{
    public static (JsonWebKey? Key, PublicJwkResult? Failure) Read(IReadOnlyDictionary<string, string> members)
    {
        var n = members.TryGetValue("n", out var nText) ? PublicJwkParser.Base64Url(nText) : null;
        // Minimal encoding (no leading zero byte), so the length in bits is the key size; a modulus is odd.
        var bits = n is { Length: > 0 } && n[0] != 0 ? ((n.Length - 1) * 8) + (8 - byte.LeadingZeroCount(n[0])) : 0;
        if (n is null || bits is < ClientKeyAlgorithms.MinRsaBits or > ClientKeyAlgorithms.MaxRsaBits || (n[^1] & 1) == 0)
        {
            return (null, PublicJwkResult.Fail("jwk.n",
                $"The modulus, base64url: an RSA key of {ClientKeyAlgorithms.MinRsaBits} to {ClientKeyAlgorithms.MaxRsaBits} bits."));
        }

        var e = members.TryGetValue("e", out var eText) ? PublicJwkParser.Base64Url(eText) : null;
        if (e is not { Length: >= 1 and <= 4 } || e[0] == 0 || (e[^1] & 1) == 0 || (e.Length == 1 && e[0] < 3))
        {
            return (null, PublicJwkResult.Fail("jwk.e", "The public exponent, base64url: odd, at least 3, at most 4 bytes (usually AQAB)."));
        }

        if (members.TryGetValue("alg", out var alg) && !ClientKeyAlgorithms.Rsa.Contains(alg, StringComparer.Ordinal))
        {
            return (null, PublicJwkResult.Fail("jwk.alg", $"{string.Join(" or ", ClientKeyAlgorithms.Rsa)} for an RSA key, or leave it out."));
        }

        try
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = n, Exponent = e });
        }
        catch (CryptographicException)
        {
            return (null, PublicJwkResult.Fail("jwk.n", "Not a usable RSA public key."));
        }

        return (new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.RSA, N = nText, E = eText, Alg = alg }, null);
    }
}
