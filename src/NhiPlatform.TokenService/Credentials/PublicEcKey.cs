using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>The public members of an EC JWK (RFC 7518 §6.2.1): a supported curve and a point on it.</summary>
internal static class PublicEcKey
{
    public static (JsonWebKey? Key, PublicJwkResult? Failure) Read(IReadOnlyDictionary<string, string> members)
    {
        if (!members.TryGetValue("crv", out var crv) || !ClientKeyAlgorithms.Curves.TryGetValue(crv, out var curve))
        {
            return (null, PublicJwkResult.Fail("jwk.crv", $"One of {string.Join(", ", ClientKeyAlgorithms.Curves.Keys)}."));
        }

        var x = members.TryGetValue("x", out var xText) ? PublicJwkParser.Base64Url(xText) : null;
        if (x?.Length != curve.CoordinateBytes)
        {
            return (null, PublicJwkResult.Fail("jwk.x", $"The x coordinate, base64url, {curve.CoordinateBytes} bytes on {crv}."));
        }

        var y = members.TryGetValue("y", out var yText) ? PublicJwkParser.Base64Url(yText) : null;
        if (y?.Length != curve.CoordinateBytes)
        {
            return (null, PublicJwkResult.Fail("jwk.y", $"The y coordinate, base64url, {curve.CoordinateBytes} bytes on {crv}."));
        }

        if (members.TryGetValue("alg", out var alg) && alg != curve.Algorithm)
        {
            return (null, PublicJwkResult.Fail("jwk.alg", $"{curve.Algorithm} on {crv}, or leave it out."));
        }

        try
        {
            // Importing checks that the point is on the curve.
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = Named(crv), Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return (null, PublicJwkResult.Fail("jwk.x", $"Not a point on {crv}."));
        }

        return (new JsonWebKey { Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve, Crv = crv, X = xText, Y = yText, Alg = alg }, null);
    }

    private static ECCurve Named(string crv) => crv switch
    {
        JsonWebKeyECTypes.P256 => ECCurve.NamedCurves.nistP256,
        JsonWebKeyECTypes.P384 => ECCurve.NamedCurves.nistP384,
        _ => ECCurve.NamedCurves.nistP521,
    };
}
