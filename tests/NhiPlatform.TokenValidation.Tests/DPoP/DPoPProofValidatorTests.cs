using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Testing.Attacks;
using NhiPlatform.Testing.Tokens;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenValidation.Tests.DPoP;

public sealed class DPoPProofValidatorTests : IDisposable
{
    private const string Url = "https://gateway.test/svc/echo/hello";
    private const string AccessToken = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly DPoPTestKey _key = new();
    private readonly DPoPTestKey _otherKey = new();
    private readonly DPoPProofValidator _validator;

    public DPoPProofValidatorTests() => _validator = new DPoPProofValidator(Options.Create(new DPoPOptions()), _clock);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private DPoPProofRequest Request(string method = "GET", string? thumbprint = null) =>
        new(method, [Url]) { AccessToken = AccessToken, Thumbprint = thumbprint ?? _key.Thumbprint };

    private string Proof(string method = "GET", string url = Url, string? accessToken = AccessToken, DateTimeOffset? issuedAt = null) =>
        _key.Proof(method, url, accessToken, issuedAt: issuedAt ?? _clock.GetUtcNow());

    [Fact]
    public async Task Validate_ValidProof_ReturnsKeyThumbprintAndId()
    {
        var result = await _validator.ValidateAsync(_key.Proof("GET", Url, AccessToken, issuedAt: _clock.GetUtcNow(), tokenId: "proof-1"), Request());

        Assert.True(result.IsValid, result.Description);
        Assert.Equal(_key.Thumbprint, result.Proof!.Thumbprint);
        Assert.Equal("proof-1", result.Proof.TokenId);
    }

    [Fact]
    public async Task Validate_UrlWithQueryAndOtherCaseHost_MatchesWithoutQuery()
    {
        var result = await _validator.ValidateAsync(Proof(url: "https://GATEWAY.test:443/svc/echo/hello"), Request() with { Urls = [Url + "?a=1"] });

        Assert.True(result.IsValid, result.Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public async Task Validate_MissingOrMalformed_InvalidProof(string? proof)
    {
        var result = await _validator.ValidateAsync(proof, Request());

        Assert.False(result.IsValid);
        Assert.Equal(DPoPConstants.InvalidDPoPProof, result.Error);
    }

    [Fact]
    public async Task Validate_OtherMethod_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(method: "POST"), Request()), "htm");

    [Fact]
    public async Task Validate_OtherUrl_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(url: "https://gateway.test/svc/billing/charge"), Request()), "htu");

    [Fact]
    public async Task Validate_StaleIat_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(issuedAt: _clock.GetUtcNow().AddSeconds(-61)), Request()), "iat");

    [Fact]
    public async Task Validate_FutureIatBeyondSkew_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(issuedAt: _clock.GetUtcNow().AddSeconds(6)), Request()), "iat");

    [Fact]
    public async Task Validate_IatWithinWindow_Valid()
    {
        Assert.True((await _validator.ValidateAsync(Proof(issuedAt: _clock.GetUtcNow().AddSeconds(-59)), Request())).IsValid);
        Assert.True((await _validator.ValidateAsync(Proof(issuedAt: _clock.GetUtcNow().AddSeconds(5)), Request())).IsValid);
    }

    [Fact]
    public async Task Validate_AthOfAnotherToken_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(accessToken: AccessToken + "x"), Request()), "ath");

    [Fact]
    public async Task Validate_NoAthWithAccessToken_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(accessToken: null), Request()), "ath");

    [Fact]
    public async Task Validate_TokenBoundToAnotherKey_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(Proof(), Request(thumbprint: _otherKey.Thumbprint)), "key");

    [Fact]
    public async Task Validate_SignedByAnotherKeyThanItsJwk_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(
            _key.Proof("GET", Url, AccessToken, issuedAt: _clock.GetUtcNow(), signedBy: _otherKey), Request()), "signature");

    [Fact]
    public async Task Validate_KeyAlreadySeen_SignatureStillChecked()
    {
        var first = await _validator.ValidateAsync(Proof(), Request());
        var forged = await _validator.ValidateAsync(
            _key.Proof("GET", Url, AccessToken, issuedAt: _clock.GetUtcNow(), signedBy: _otherKey), Request());
        var again = await _validator.ValidateAsync(Proof(), Request());

        Assert.True(first.IsValid, first.Description);
        AssertInvalid(forged, "signature");
        Assert.True(again.IsValid, again.Description);
        Assert.Equal(_key.Thumbprint, again.Proof!.Thumbprint);
    }

    [Fact]
    public async Task Validate_WrongType_Invalid() =>
        AssertInvalid(await _validator.ValidateAsync(
            _key.Proof("GET", Url, AccessToken, issuedAt: _clock.GetUtcNow(), type: "JWT"), Request()), "dpop+jwt");

    [Fact]
    public async Task Validate_PrivateKeyInJwk_Invalid()
    {
        var jwk = new Dictionary<string, object?>(_key.PublicJwk) { ["d"] = Jwt.Encode(RandomNumberGenerator.GetBytes(32)) };

        AssertInvalid(await _validator.ValidateAsync(
            _key.Proof("GET", Url, AccessToken, issuedAt: _clock.GetUtcNow(), jwk: jwk), Request()), "jwk");
    }

    [Fact]
    public async Task Validate_SymmetricAlgorithm_Invalid()
    {
        var header = new Dictionary<string, object?> { ["typ"] = "dpop+jwt", ["alg"] = "HS256", ["jwk"] = new Dictionary<string, object?> { ["kty"] = "oct", ["k"] = "AAAA" } };
        var payload = new Dictionary<string, object?> { ["jti"] = "x", ["htm"] = "GET", ["htu"] = Url, ["iat"] = _clock.GetUtcNow().ToUnixTimeSeconds() };

        AssertInvalid(await _validator.ValidateAsync(Jwt.Hs256(new byte[32], header, payload), Request()), "signed with");
    }

    private static void AssertInvalid(DPoPProofResult result, string descriptionPart)
    {
        Assert.False(result.IsValid);
        Assert.Equal(DPoPConstants.InvalidDPoPProof, result.Error);
        Assert.Contains(descriptionPart, result.Description, StringComparison.Ordinal);
    }
}
