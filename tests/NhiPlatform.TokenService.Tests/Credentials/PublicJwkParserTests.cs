using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Credentials;

namespace NhiPlatform.TokenService.Tests.Credentials;

public sealed class PublicJwkParserTests
{
    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static JsonWebKey RsaJwk(int bits = 2048, bool withPrivate = false)
    {
        using var rsa = RSA.Create(bits);
        return JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(withPrivate)));
    }

    private static JsonWebKey EcJwk(ECCurve curve)
    {
        using var ec = ECDsa.Create(curve);
        return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))));
    }

    [Fact]
    public void Parse_RsaPublicKey_ReturnsThumbprintKid()
    {
        var jwk = RsaJwk();

        var result = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E }));

        Assert.Null(result.Error);
        Assert.NotNull(result.Key);
        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), result.Key.Kid);
        Assert.DoesNotContain("\"d\"", PublicJwkParser.ToPublicJson(result.Key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P-256")]
    [InlineData("P-384")]
    [InlineData("P-521")]
    public void Parse_EcPublicKeyOnSupportedCurve_IsAccepted(string crv)
    {
        var curve = crv switch { "P-256" => ECCurve.NamedCurves.nistP256, "P-384" => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 };
        var jwk = EcJwk(curve);

        var result = PublicJwkParser.Parse(Json(new { kty = "EC", crv, x = jwk.X, y = jwk.Y, use = "sig", kid = "ec-key-1" }));

        Assert.Null(result.Error);
        Assert.Equal("ec-key-1", result.Key!.Kid);
    }

    [Theory]
    [InlineData("d")]
    [InlineData("p")]
    [InlineData("q")]
    [InlineData("dp")]
    [InlineData("dq")]
    [InlineData("qi")]
    [InlineData("k")]
    public void Parse_PrivateMember_IsRefusedNamingIt(string member)
    {
        var jwk = RsaJwk(withPrivate: true);
        var body = new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E, [member] = jwk.D };

        var result = PublicJwkParser.Parse(Json(body));

        Assert.Null(result.Key);
        Assert.Equal("jwk." + member, result.Member);
    }

    [Fact]
    public void Parse_UnknownMemberOfAnySize_IsRefusedNamingIt()
    {
        var jwk = RsaJwk();

        var small = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, note = "hi" }));
        var large = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, x5c = new[] { new string('A', 100_000) } }));

        Assert.Equal("jwk.note", small.Member);
        Assert.Equal("jwk.x5c", large.Member);
    }

    [Fact]
    public void Parse_MemberOfTheOtherKeyType_IsRefused()
    {
        var jwk = RsaJwk();

        var result = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, crv = "P-256" }));

        Assert.Equal("jwk.crv", result.Member);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(8192)]
    public void Parse_RsaKeyOutside2048To4096Bits_IsRefusedNamingN(int bits)
    {
        var jwk = RsaJwk(bits);

        var result = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E }));

        Assert.Equal("jwk.n", result.Member);
    }

    [Fact]
    public void Parse_Rsa4096_IsAccepted()
    {
        var jwk = RsaJwk(4096);

        Assert.Null(PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, alg = "PS256" })).Error);
    }

    [Fact]
    public void Parse_LongOrUnprintableKid_IsRefusedNamingKid()
    {
        var jwk = RsaJwk();

        Assert.Equal("jwk.kid", PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, kid = new string('k', 129) })).Member);
        Assert.Equal("jwk.kid", PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, kid = "a b" })).Member);
        Assert.Null(PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, kid = new string('k', 128) })).Error);
    }

    [Theory]
    [InlineData("kty", "oct")]
    [InlineData("use", "enc")]
    [InlineData("alg", "HS256")]
    [InlineData("alg", "ES256")]
    [InlineData("e", "AA")]
    [InlineData("n", "not base64url!")]
    public void Parse_BadRsaMember_IsRefusedNamingIt(string member, string value)
    {
        var jwk = RsaJwk();
        var body = new Dictionary<string, string> { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E, [member] = value };

        Assert.Equal("jwk." + member, PublicJwkParser.Parse(Json(body)).Member);
    }

    [Fact]
    public void Parse_EcPointOffTheCurveOrWrongLength_IsRefused()
    {
        var jwk = EcJwk(ECCurve.NamedCurves.nistP256);
        var offCurve = Base64UrlEncoder.Encode(Enumerable.Repeat((byte)1, 32).ToArray());

        Assert.Equal("jwk.x", PublicJwkParser.Parse(Json(new { kty = "EC", crv = "P-256", x = offCurve, y = offCurve })).Member);
        Assert.Equal("jwk.y", PublicJwkParser.Parse(Json(new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y + "AAAA" })).Member);
        Assert.Equal("jwk.crv", PublicJwkParser.Parse(Json(new { kty = "EC", crv = "secp256k1", x = jwk.X, y = jwk.Y })).Member);
        Assert.Equal("jwk.alg", PublicJwkParser.Parse(Json(new { kty = "EC", crv = "P-256", x = jwk.X, y = jwk.Y, alg = "ES384" })).Member);
    }

    [Fact]
    public void Parse_NonStringOrRepeatedMember_IsRefused()
    {
        var jwk = RsaJwk();

        Assert.Equal("jwk.e", PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = 65537 })).Member);
        Assert.Equal("jwk.kty", PublicJwkParser.Parse(Json($$"""{"kty":"RSA","kty":"EC","n":"{{jwk.N}}","e":"{{jwk.E}}"}""")).Member);
    }

    [Fact]
    public void Parse_LoneSurrogateInANameOrValue_IsRefusedNotThrown()
    {
        Assert.Equal("jwk", PublicJwkParser.Parse(Json("""{"kty":"RSA","\ud800x":"1"}""")).Member);
        Assert.Equal("jwk", PublicJwkParser.Parse(Json("""{"kty":"RSA","kid":"\udc00"}""")).Member);
    }

    [Fact]
    public void ToPublicJson_KeepsOnlyNormalisedPublicMembers()
    {
        var jwk = RsaJwk();

        var result = PublicJwkParser.Parse(Json(new { kty = "RSA", n = jwk.N, e = jwk.E, use = "sig", alg = "RS256", kid = "k1" }));
        var stored = JsonDocument.Parse(PublicJwkParser.ToPublicJson(result.Key!)).RootElement;

        Assert.Equal(["kty", "use", "kid", "alg", "n", "e"], stored.EnumerateObject().Select(p => p.Name));
    }
}
