using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Credentials;

namespace NhiPlatform.TokenService.Tests.Credentials;

public sealed class PublicJwkParserTests
{
    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public void Parse_RsaPublicKey_ReturnsThumbprintKid()
    {
        using var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));

        var (key, kid, error) = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E }));

        Assert.Null(error);
        Assert.NotNull(key);
        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), kid);
        Assert.DoesNotContain("\"d\"", PublicJwkParser.ToPublicJson(key), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EcP256PublicKey_IsAccepted()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))));

        Assert.Null(PublicJwkParser.Parse(Json(new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y })).Error);
    }

    [Fact]
    public void Parse_PrivateMembers_AreRefused()
    {
        using var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(true)));

        Assert.NotNull(PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, d = jwk.D })).Error);
    }

    [Fact]
    public void Parse_SmallRsaOrSymmetricKey_IsRefused()
    {
        using var rsa = RSA.Create(1024);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)));

        Assert.NotNull(PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E })).Error);
        Assert.NotNull(PublicJwkParser.Parse(Json(new { kty = "oct" })).Error);
    }
}
