using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Gateway.Revocation;

namespace NhiPlatform.Gateway.Tests.Revocation;

public sealed class RevocationListTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private RevocationList Loaded(IEnumerable<KeyValuePair<string, long>>? tokens = null, IEnumerable<KeyValuePair<string, long>>? cutoffs = null)
    {
        var list = new RevocationList(_time, NullLogger<RevocationList>.Instance);
        list.BeginResync();
        list.CompleteResync(tokens ?? [], cutoffs ?? []);
        return list;
    }

    private static JsonWebToken Token(string jti, string clientId, DateTimeOffset? issuedAt)
    {
        var claims = new Dictionary<string, object> { ["jti"] = jti, ["client_id"] = clientId, ["sub"] = clientId };
        if (issuedAt is { } iat)
        {
            claims["iat"] = iat.ToUnixTimeSeconds();
        }

        return new JsonWebToken(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor { Claims = claims }));
    }

    [Fact]
    public void IsRevoked_BeforeFirstLoad_FailsClosed()
    {
        var list = new RevocationList(_time, NullLogger<RevocationList>.Instance);
        Assert.True(list.IsRevoked(Token("j1", "c1", Now)));
    }

    [Fact]
    public void IsRevoked_LoadedJti_IsRevoked_OthersNot()
    {
        var list = Loaded(tokens: [KeyValuePair.Create("j1", Now.AddMinutes(5).ToUnixTimeSeconds())]);
        Assert.True(list.IsRevoked(Token("j1", "c1", Now)));
        Assert.False(list.IsRevoked(Token("j2", "c1", Now)));
    }

    [Fact]
    public void IsRevoked_IdentityCutoff_RefusesOnlyTokensIssuedBefore()
    {
        var list = Loaded(cutoffs: [KeyValuePair.Create("c1", Now.ToUnixTimeSeconds())]);
        Assert.True(list.IsRevoked(Token("j1", "c1", Now.AddSeconds(-1))));
        Assert.False(list.IsRevoked(Token("j2", "c1", Now)));
        Assert.False(list.IsRevoked(Token("j3", "c2", Now.AddSeconds(-1))));
        Assert.True(list.IsRevoked(Token("j4", "c1", issuedAt: null)));
    }

    [Fact]
    public void IsRevoked_ExchangedToken_RefusedWhenTheSubjectOrAnyActorIsCutOff()
    {
        // RFC 8693: sub = the subject (B), client_id = the actor (A), act = { sub: A, act: { sub: C } } (C acted before A).
        static JsonWebToken Exchanged(string jti) => new(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>
                {
                    ["jti"] = jti, ["client_id"] = "actor-a", ["sub"] = "subject-b", ["iat"] = Now.AddSeconds(-1).ToUnixTimeSeconds(),
                    ["act"] = new Dictionary<string, object> { ["sub"] = "actor-a", ["act"] = new Dictionary<string, object> { ["sub"] = "actor-c" } },
                },
            }));

        Assert.False(Loaded().IsRevoked(Exchanged("j0")));
        Assert.True(Loaded(cutoffs: [KeyValuePair.Create("subject-b", Now.ToUnixTimeSeconds())]).IsRevoked(Exchanged("j1")));
        Assert.True(Loaded(cutoffs: [KeyValuePair.Create("actor-a", Now.ToUnixTimeSeconds())]).IsRevoked(Exchanged("j2")));
        Assert.True(Loaded(cutoffs: [KeyValuePair.Create("actor-c", Now.ToUnixTimeSeconds())]).IsRevoked(Exchanged("j3")));
        Assert.False(Loaded(cutoffs: [KeyValuePair.Create("someone-else", Now.ToUnixTimeSeconds())]).IsRevoked(Exchanged("j4")));
    }

    [Fact]
    public void IsRevoked_ExchangedFromARevokedToken_IsRevoked()
    {
        static JsonWebToken ExchangedFrom(string jti, params string[] from) => new(new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Claims = new Dictionary<string, object>
                {
                    ["jti"] = jti, ["client_id"] = "actor-a", ["sub"] = "subject-b", ["iat"] = Now.ToUnixTimeSeconds(), ["nhi_from"] = from,
                },
            }));
        var list = Loaded(tokens: [KeyValuePair.Create("subject-token", Now.AddMinutes(5).ToUnixTimeSeconds())]);

        Assert.True(list.IsRevoked(ExchangedFrom("x1", "subject-token")));
        Assert.True(list.IsRevoked(ExchangedFrom("x2", "other", "subject-token")));
        Assert.False(list.IsRevoked(ExchangedFrom("x3", "other")));
    }

    [Fact]
    public void Apply_PublishedMessages_TakeEffect()
    {
        var list = Loaded();
        Assert.True(list.Apply(new RevocationMessage { Kind = RevocationMessage.TokenKind, TokenId = "j1", ExpiresAt = Now.AddMinutes(5) }));
        Assert.True(list.Apply(new RevocationMessage { Kind = RevocationMessage.IdentityKind, ClientId = "c2", IssuedBefore = Now }));
        Assert.False(list.Apply(new RevocationMessage { Kind = "other", TokenId = "j9" }));
        Assert.False(list.Apply(new RevocationMessage { Kind = RevocationMessage.IdentityKind, ClientId = "c3" }));

        Assert.True(list.IsRevoked(Token("j1", "c1", Now)));
        Assert.True(list.IsRevoked(Token("j2", "c2", Now.AddSeconds(-10))));
    }

    [Fact]
    public void Apply_OlderCutoff_NeverMovesItBack()
    {
        var list = Loaded();
        list.Apply(new RevocationMessage { Kind = RevocationMessage.IdentityKind, ClientId = "c1", IssuedBefore = Now });
        list.Apply(new RevocationMessage { Kind = RevocationMessage.IdentityKind, ClientId = "c1", IssuedBefore = Now.AddMinutes(-5) });

        Assert.True(list.TryGetCutoff("c1", out var cutoff));
        Assert.Equal(Now.ToUnixTimeSeconds(), cutoff);
    }

    [Fact]
    public void CompleteResync_KeepsMessagesPublishedDuringTheLoad_AndDropsWhatRedisNoLongerHas()
    {
        var list = Loaded(tokens: [KeyValuePair.Create("old", Now.AddMinutes(5).ToUnixTimeSeconds())]);

        list.BeginResync();
        list.Apply(new RevocationMessage { Kind = RevocationMessage.TokenKind, TokenId = "during", ExpiresAt = Now.AddMinutes(5) });
        list.CompleteResync([KeyValuePair.Create("loaded", Now.AddMinutes(5).ToUnixTimeSeconds())], []);

        Assert.True(list.IsTokenRevoked("during"));
        Assert.True(list.IsTokenRevoked("loaded"));
        Assert.False(list.IsTokenRevoked("old"));
    }

    [Fact]
    public void TrimExpired_ForgetsTokensPastExpiryAndGrace()
    {
        var list = Loaded(tokens:
        [
            KeyValuePair.Create("expired", Now.AddMinutes(-5).ToUnixTimeSeconds()),
            KeyValuePair.Create("live", Now.AddMinutes(5).ToUnixTimeSeconds()),
        ]);

        Assert.Equal(1, list.TrimExpired());
        Assert.False(list.IsTokenRevoked("expired"));
        Assert.True(list.IsTokenRevoked("live"));
    }
}
