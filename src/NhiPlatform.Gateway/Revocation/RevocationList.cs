using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.Gateway.Revocation;

/// <summary>
/// Revoked tokens and per-identity cut-offs held in memory (<see cref="NhiRevocation"/>): checked on every request
/// in O(1), kept current by pub/sub messages (<see cref="Apply"/>) and replaced by full loads from Redis
/// (<see cref="BeginResync"/>/<see cref="CompleteResync"/>). Messages that arrive while a load is under way are
/// applied again on top of the loaded state, so a resync never loses a revocation published during it.
/// </summary>
internal sealed class RevocationList(TimeProvider timeProvider, ILogger<RevocationList> logger) : IAccessTokenRevocationCheck
{
    /// <summary>Entries are kept this long past a token's <c>exp</c> (the clock skew validation tolerates).</summary>
    public static readonly TimeSpan ExpiryGrace = AccessTokenDefaults.ClockSkew + TimeSpan.FromSeconds(30);

    /// <summary>RFC 8693's actor claim; a chain deeper than this is refused unread (one level per exchange).</summary>
    private const string ActClaim = "act";
    private const int MaxActorDepth = NhiClaims.MaxExchangeDepth;

    private readonly Lock _gate = new();
    private RevocationState _state = new();
    private List<RevocationMessage>? _pending;
    private volatile bool _loaded;

    public bool IsLoaded => _loaded;

    public int TokenCount => Volatile.Read(ref _state).Tokens.Count;

    public int IdentityCount => Volatile.Read(ref _state).Cutoffs.Count;

    public bool IsRevoked(JsonWebToken token)
    {
        if (!_loaded)
        {
            RevocationLog.NotLoaded(logger);
            return true;
        }

        // Lookups only: ConcurrentDictionary.IsEmpty takes every lock of the dictionary while it is empty (Count always),
        // which serialised all requests here while nothing was revoked; TryGetValue/ContainsKey never lock.
        var state = Volatile.Read(ref _state);
        if (!string.IsNullOrEmpty(token.Id) && state.Tokens.ContainsKey(token.Id))
        {
            return true;
        }

        // An exchanged token ends with any token it was exchanged from (nearest first; an over-long chain is refused).
        if (token.TryGetPayloadValue<JsonElement>(NhiClaims.ExchangedFrom, out var from) && from.ValueKind == JsonValueKind.Array)
        {
            if (from.GetArrayLength() > NhiClaims.MaxExchangeDepth)
            {
                return true;
            }

            foreach (var ancestor in from.EnumerateArray())
            {
                if (ancestor.ValueKind == JsonValueKind.String && state.Tokens.ContainsKey(ancestor.GetString()!))
                {
                    return true;
                }
            }
        }

        // Every party the token acts for is checked (RFC 8693): the client, the subject (an exchanged token's sub is
        // another identity) and each actor of the act chain. Disabling any of them ends the token, as introspection says.
        var clientId = token.TryGetPayloadValue<string>(NhiClaims.ClientId, out var value) ? value : token.Subject;
        if (IsCutOff(state, token, clientId) || (token.Subject != clientId && IsCutOff(state, token, token.Subject)))
        {
            return true;
        }

        if (!token.TryGetPayloadValue<JsonElement>(ActClaim, out var act))
        {
            return false;
        }

        for (var depth = 1; act.ValueKind == JsonValueKind.Object; depth++)
        {
            if (depth > MaxActorDepth)
            {
                return true;
            }

            if (act.TryGetProperty(NhiClaims.Subject, out var actor) && actor.ValueKind == JsonValueKind.String
                && IsCutOff(state, token, actor.GetString()))
            {
                return true;
            }

            if (!act.TryGetProperty(ActClaim, out act))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="party"/> has a cut-off later than the token's <c>iat</c>.</summary>
    private static bool IsCutOff(RevocationState state, JsonWebToken token, string? party)
    {
        if (string.IsNullOrEmpty(party) || !state.Cutoffs.TryGetValue(party, out var cutoff))
        {
            return false;
        }

        // No iat reads as DateTime.MinValue: older than any cut-off, so refused (fail closed).
        return new DateTimeOffset(DateTime.SpecifyKind(token.IssuedAt, DateTimeKind.Utc)).ToUnixTimeSeconds() < cutoff;
    }

    public bool IsTokenRevoked(string tokenId) => Volatile.Read(ref _state).Tokens.ContainsKey(tokenId);

    public bool TryGetCutoff(string clientId, out long cutoff) => Volatile.Read(ref _state).Cutoffs.TryGetValue(clientId, out cutoff);

    /// <summary>Applies one published revocation; false when the message names nothing to revoke.</summary>
    public bool Apply(RevocationMessage message)
    {
        lock (_gate)
        {
            if (!ApplyTo(_state, message))
            {
                return false;
            }

            _pending?.Add(message);
            return true;
        }
    }

    public void BeginResync()
    {
        lock (_gate)
        {
            _pending = [];
        }
    }

    /// <summary>Replaces the state by what Redis holds, plus whatever was published since <see cref="BeginResync"/>.</summary>
    public void CompleteResync(IEnumerable<KeyValuePair<string, long>> tokens, IEnumerable<KeyValuePair<string, long>> cutoffs)
    {
        var next = new RevocationState();
        foreach (var (jti, exp) in tokens)
        {
            next.Tokens[jti] = exp;
        }

        foreach (var (clientId, cutoff) in cutoffs)
        {
            next.Cutoffs[clientId] = cutoff;
        }

        lock (_gate)
        {
            foreach (var message in _pending ?? [])
            {
                ApplyTo(next, message);
            }

            _pending = null;
            Volatile.Write(ref _state, next);
            _loaded = true;
        }
    }

    public void AbortResync()
    {
        lock (_gate)
        {
            _pending = null;
        }
    }

    /// <summary>Forgets revoked tokens that expired (past the grace): validation refuses them anyway.</summary>
    public int TrimExpired()
    {
        var horizon = (timeProvider.GetUtcNow() - ExpiryGrace).ToUnixTimeSeconds();
        var state = Volatile.Read(ref _state);
        var removed = 0;
        foreach (var (jti, exp) in state.Tokens)
        {
            if (exp < horizon && state.Tokens.TryRemove(jti, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool ApplyTo(RevocationState state, RevocationMessage message)
    {
        switch (message.Kind)
        {
            case RevocationMessage.TokenKind when !string.IsNullOrEmpty(message.TokenId):
                state.Tokens[message.TokenId] = message.ExpiresAt?.ToUnixTimeSeconds() ?? long.MaxValue;
                return true;
            case RevocationMessage.IdentityKind when !string.IsNullOrEmpty(message.ClientId) && message.IssuedBefore is { } before:
                // Cut-offs only move forward between loads (a late or repeated message never re-admits tokens).
                var cutoff = before.ToUnixTimeSeconds();
                state.Cutoffs.AddOrUpdate(message.ClientId, cutoff, (_, current) => Math.Max(current, cutoff));
                return true;
            default:
                return false;
        }
    }
}
