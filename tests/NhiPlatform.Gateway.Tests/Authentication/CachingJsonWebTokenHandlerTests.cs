using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Gateway.Authentication;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.Gateway.Tests.Authentication;

/// <summary>The cache in front of real validation: real RS256 signatures, the gateway's validation rules, a fake clock for both.</summary>
public sealed class CachingJsonWebTokenHandlerTests : IDisposable
{
    private const string Issuer = "https://gateway.test";
    private const string Audience = "nhi-gateway";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly ValidatedTokenCache _cache;
    private readonly CachingJsonWebTokenHandler _handler;

    public CachingJsonWebTokenHandlerTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "k1" };
        _cache = new ValidatedTokenCache(Options.Create(new ValidatedTokenCacheOptions()), _time);
        // The real clock for the unknown-key wait: it polls, and a fake clock that nobody advances would never let it finish.
        _handler = new CachingJsonWebTokenHandler(_cache, new UnknownKeyRefresh(TimeProvider.System)) { MapInboundClaims = false };
    }

    public void Dispose() => _rsa.Dispose();

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration? configuration = null)
    {
        var parameters = AccessTokenValidationParameters.Create(Issuer, Audience);
        // The library reads the system clock; the same rule (exp required, nbf, clock skew) on the test's clock.
        parameters.LifetimeValidator = (notBefore, expires, _, p) =>
            expires is { } exp && (notBefore is not { } nbf || nbf - p.ClockSkew <= _time.GetUtcNow().UtcDateTime)
            && _time.GetUtcNow().UtcDateTime < exp + p.ClockSkew;
        parameters.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration ?? Configuration(_key));
        return parameters;
    }

    private static OpenIdConnectConfiguration Configuration(params SecurityKey[] keys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }

    private string Token(string jti = "j1", string issuer = Issuer, TimeSpan? lifetime = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = Now.UtcDateTime,
            NotBefore = Now.UtcDateTime,
            Expires = (Now + (lifetime ?? TimeSpan.FromMinutes(5))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["jti"] = jti, ["client_id"] = "c1", ["scope"] = "echo.read" },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    [Fact]
    public async Task ValidateTokenAsync_SameTokenTwice_SecondIsServedFromCache()
    {
        var token = Token();
        var parameters = Parameters();

        var first = await _handler.ValidateTokenAsync(token, parameters);
        var second = await _handler.ValidateTokenAsync(token, parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _cache.Hits);
        Assert.Equal("j1", ((JsonWebToken)second.SecurityToken).Id);
        Assert.Equal("c1", second.ClaimsIdentity.FindFirst("client_id")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task ValidateTokenAsync_TamperedVariantsOfACachedToken_AreValidatedInFullAndRefused()
    {
        var token = Token();
        var parameters = Parameters();
        Assert.True((await _handler.ValidateTokenAsync(token, parameters)).IsValid);
        var parts = token.Split('.');
        var forgedPayload = Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("\"c1\"", "\"c2\"", StringComparison.Ordinal));
        var flipped = parts[2][^2] == 'A' ? 'B' : 'A';

        foreach (var variant in new[]
        {
            $"{parts[0]}.{forgedPayload}.{parts[2]}",
            $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{flipped}{parts[2][^1]}",
            $"{parts[0]}.{parts[1]}.",
            $"{parts[0]}.{parts[1]}",
        })
        {
            Assert.False((await _handler.ValidateTokenAsync(variant, parameters)).IsValid);
        }

        Assert.Equal(0, _cache.Hits);
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public async Task ValidateTokenAsync_InvalidToken_IsNeverCached()
    {
        var token = Token(issuer: "https://elsewhere.test");
        var parameters = Parameters();

        Assert.False((await _handler.ValidateTokenAsync(token, parameters)).IsValid);
        Assert.False((await _handler.ValidateTokenAsync(token, parameters)).IsValid);

        Assert.Equal(0, _cache.Count);
        Assert.Equal(0, _cache.Hits);
    }

    [Fact]
    public async Task ValidateTokenAsync_CachedTokenPastExp_IsRefused()
    {
        var token = Token(lifetime: TimeSpan.FromMinutes(5));
        var parameters = Parameters();
        Assert.True((await _handler.ValidateTokenAsync(token, parameters)).IsValid);

        // At exp the entry is gone; full validation then allows only the configured clock skew, then refuses.
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(_cache.TryGet(token, new object(), out _, out _));
        _time.Advance(AccessTokenDefaults.ClockSkew + TimeSpan.FromSeconds(1));
        var result = await _handler.ValidateTokenAsync(token, parameters);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidLifetimeException>(result.Exception);
        Assert.Equal(0, _cache.Hits);
    }

    [Fact]
    public async Task ValidateTokenAsync_SigningKeyWithdrawn_CachedTokenIsRefused()
    {
        var token = Token();
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        using var other = RSA.Create(2048);
        var rotated = Configuration(new RsaSecurityKey(other) { KeyId = "k2" });
        var result = await _handler.ValidateTokenAsync(token, Parameters(rotated));

        Assert.False(result.IsValid);
        Assert.Equal(0, _cache.Hits);
    }

    [Fact]
    public async Task ValidateTokenAsync_KeyNotHeldYet_WaitsForTheFetchAndAcceptsTheFirstToken()
    {
        // An emergency rotation: the token service signs with a key this gateway has not fetched yet.
        using var old = RSA.Create(2048);
        var keys = new BackgroundRefreshingConfigurationManager(Configuration(new RsaSecurityKey(old) { KeyId = "k0" }), Configuration(_key));
        var parameters = Parameters();
        parameters.ConfigurationManager = keys;

        var result = await _handler.ValidateTokenAsync(Token(), parameters);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(1, keys.Refreshes);
    }

    [Fact]
    public async Task ValidateTokenAsync_UnknownKeyTwiceInARow_SecondIsRefusedWithoutWaiting()
    {
        using var other = RSA.Create(2048);
        var keys = new BackgroundRefreshingConfigurationManager(Configuration(new RsaSecurityKey(other) { KeyId = "k2" }), next: null);
        var parameters = Parameters();
        parameters.ConfigurationManager = keys;

        var first = await _handler.ValidateTokenAsync(Token("j1"), parameters);
        var readsForFirst = keys.Reads;
        var second = await _handler.ValidateTokenAsync(Token("j2"), parameters);

        Assert.False(first.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(second.Exception);
        Assert.True(readsForFirst > 5, $"the first token should have waited for the keys ({readsForFirst} reads)");
        Assert.True(keys.Reads - readsForFirst <= 3, $"the second token, within the quiet period, should not wait ({keys.Reads - readsForFirst} reads)");
    }

    /// <summary>
    /// Like the library's ConfigurationManager: a refresh request (at most one a second) makes a later read start a
    /// fetch in the background, and reads keep returning the keys held until the fetch is done (here, 50 ms).
    /// </summary>
    private sealed class BackgroundRefreshingConfigurationManager(OpenIdConnectConfiguration held, OpenIdConnectConfiguration? next) : BaseConfigurationManager
    {
        private static readonly TimeSpan FetchTime = TimeSpan.FromMilliseconds(50);
        private OpenIdConnectConfiguration _current = held;
        private DateTimeOffset _lastRequest = DateTimeOffset.MinValue;
        private DateTimeOffset? _fetchedAt;

        public int Refreshes { get; private set; }

        public int Reads { get; private set; }

        public override Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel)
        {
            Reads++;
            if (_fetchedAt is { } at && DateTimeOffset.UtcNow >= at)
            {
                _current = next ?? Configuration([.. _current.SigningKeys]);

                _fetchedAt = null;
            }

            return Task.FromResult<BaseConfiguration>(_current);
        }

        public override void RequestRefresh()
        {
            var now = DateTimeOffset.UtcNow;
            if (now - _lastRequest >= TimeSpan.FromSeconds(1))
            {
                _lastRequest = now;
                _fetchedAt = now + FetchTime;
                Refreshes++;
            }
        }
    }

    [Fact]
    public async Task ValidateTokenAsync_KeysRefreshedButSameKey_RevalidatesOnceThenCaches()
    {
        var token = Token();
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        var refreshed = Parameters(Configuration(_key));
        Assert.True((await _handler.ValidateTokenAsync(token, refreshed)).IsValid);
        Assert.True((await _handler.ValidateTokenAsync(token, refreshed)).IsValid);

        Assert.Equal(1, _cache.Hits);
        Assert.Equal(2, _cache.Misses);
    }

    [Fact]
    public async Task ValidateTokenAsync_DistinctValidTokens_KeepTheirOwnClaims()
    {
        var parameters = Parameters();
        var first = Token("j1");
        var second = Token("j2");
        await _handler.ValidateTokenAsync(first, parameters);
        await _handler.ValidateTokenAsync(second, parameters);

        var again = await _handler.ValidateTokenAsync(second, parameters);

        Assert.Equal(1, _cache.Hits);
        Assert.Equal("j2", ((JsonWebToken)again.SecurityToken).Id);
        Assert.Equal("j2", again.ClaimsIdentity.FindFirst("jti")?.Value);
    }
}
