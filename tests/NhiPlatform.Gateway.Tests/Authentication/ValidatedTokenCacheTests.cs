using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Gateway.Authentication;

namespace NhiPlatform.Gateway.Tests.Authentication;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly object _keys = new();

    private ValidatedTokenCache Cache(int maxEntries = 100) =>
        new(Options.Create(new ValidatedTokenCacheOptions { MaxEntries = maxEntries }), _time);

    /// <summary>An unsigned token is enough here: the cache only stores what its caller already validated.</summary>
    private static string Token(string jti, DateTimeOffset expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["jti"] = jti, ["client_id"] = "c1", ["exp"] = expires.ToUnixTimeSeconds() },
        });

    private static ClaimsIdentity Identity(string clientId) => new CaseSensitiveClaimsIdentity([new Claim("client_id", clientId)], "Bearer");

    private static void Add(ValidatedTokenCache cache, string token, object keys, string clientId = "c1") =>
        cache.Add(token, keys, new JsonWebToken(token), Identity(clientId));

    [Fact]
    public void TryGet_AfterAdd_SameKeys_ReturnsTokenAndPrivateIdentityCopy()
    {
        var cache = Cache();
        var token = Token("j1", Now.AddMinutes(5));
        Add(cache, token, _keys);

        Assert.True(cache.TryGet(token, _keys, out var first, out var firstIdentity));
        Assert.True(cache.TryGet(token, _keys, out _, out var secondIdentity));

        Assert.Equal("j1", first.Id);
        Assert.NotSame(firstIdentity, secondIdentity);
        firstIdentity.AddClaim(new Claim("injected", "x"));
        Assert.Null(secondIdentity.FindFirst("injected"));
        Assert.True(cache.TryGet(token, _keys, out _, out var thirdIdentity));
        Assert.Null(thirdIdentity.FindFirst("injected"));
        Assert.Equal(3, cache.Hits);
    }

    [Fact]
    public void TryGet_AtExp_MissesAndForgetsTheEntry()
    {
        var cache = Cache();
        var token = Token("j1", Now.AddMinutes(5));
        Add(cache, token, _keys);

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet(token, _keys, out _, out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet(token, _keys, out _, out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void TryGet_OtherKeySet_Misses()
    {
        var cache = Cache();
        var token = Token("j1", Now.AddMinutes(5));
        Add(cache, token, _keys);

        Assert.False(cache.TryGet(token, new object(), out _, out _));
        Assert.False(cache.TryGet(token, _keys, out _, out _));
    }

    [Fact]
    public void TryGet_DifferentTokenStrings_NeverShareAnEntry()
    {
        var cache = Cache();
        var token = Token("j1", Now.AddMinutes(5));
        Add(cache, token, _keys);

        var lastChar = token[^1] == 'A' ? 'B' : 'A';
        foreach (var variant in new[] { token[..^1], token + "A", token[..^1] + lastChar, token.ToUpperInvariant(), " " + token })
        {
            Assert.False(cache.TryGet(variant, _keys, out _, out _));
        }

        Assert.Equal(0, cache.Hits);
        Assert.Equal(5, cache.Misses);
    }

    [Fact]
    public void Add_TwoTokens_EachGetsItsOwnIdentity()
    {
        var cache = Cache();
        var first = Token("j1", Now.AddMinutes(5));
        var second = Token("j2", Now.AddMinutes(5));
        Add(cache, first, _keys, "c1");
        Add(cache, second, _keys, "c2");

        Assert.True(cache.TryGet(first, _keys, out _, out var firstIdentity));
        Assert.True(cache.TryGet(second, _keys, out _, out var secondIdentity));
        Assert.Equal("c1", firstIdentity.FindFirst("client_id")?.Value);
        Assert.Equal("c2", secondIdentity.FindFirst("client_id")?.Value);
    }

    [Fact]
    public void Add_ExpiredToken_IsNotStored()
    {
        var cache = Cache();
        var token = Token("j1", Now);
        Add(cache, token, _keys);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(token, _keys, out _, out _));
    }

    [Fact]
    public void Add_WhenFull_StaysBounded_AndExpiredEntriesMakeRoom()
    {
        var cache = Cache(maxEntries: 3);
        for (var i = 0; i < 3; i++)
        {
            Add(cache, Token($"short-{i}", Now.AddMinutes(1)), _keys);
        }

        var late = Token("late", Now.AddMinutes(10));
        Add(cache, late, _keys);
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet(late, _keys, out _, out _));

        _time.Advance(TimeSpan.FromMinutes(2));
        Add(cache, late, _keys);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(late, _keys, out _, out _));
    }

    [Fact]
    public void Add_MaxEntriesZero_CachesNothing()
    {
        var cache = Cache(maxEntries: 0);
        var token = Token("j1", Now.AddMinutes(5));
        Add(cache, token, _keys);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet(token, _keys, out _, out _));
    }
}
