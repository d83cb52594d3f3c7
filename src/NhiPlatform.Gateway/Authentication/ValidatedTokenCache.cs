using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// Access tokens that passed full validation (signature, issuer, audience, type, lifetime), keyed by the exact token
/// string, so a caller repeating a token skips the parse and the signature check. An entry is used only until the
/// token's <c>exp</c> and only while the signing keys it was checked against are still the current ones; revocation is
/// not cached (the bearer events check it on every request). Bounded by <see cref="ValidatedTokenCacheOptions.MaxEntries"/>.
/// </summary>
internal sealed class ValidatedTokenCache(IOptions<ValidatedTokenCacheOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _maxEntries = options.Value.MaxEntries;
    private int _count;
    private long _lastSweep;
    private long _hits;
    private long _misses;

    public int Count => Volatile.Read(ref _count);

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// The token and a private copy of its identity when <paramref name="token"/> was validated against
    /// <paramref name="keys"/> (the same key set, by reference) and has not expired.
    /// </summary>
    public bool TryGet(string token, object keys, out JsonWebToken validated, out ClaimsIdentity identity)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            if (ReferenceEquals(entry.Keys, keys) && timeProvider.GetUtcNow() < entry.ExpiresAt)
            {
                Interlocked.Increment(ref _hits);
                validated = entry.Token;
                // Each request gets its own identity: nothing a later step adds to one caller's principal leaks to another.
                identity = entry.Identity.Clone();
                return true;
            }

            Remove(token, entry);
        }

        Interlocked.Increment(ref _misses);
        validated = null!;
        identity = null!;
        return false;
    }

    /// <summary>Remembers a token that passed validation against <paramref name="keys"/>, until its <c>exp</c>.</summary>
    public void Add(string token, object keys, JsonWebToken validated, ClaimsIdentity identity)
    {
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
        if (expiresAt <= timeProvider.GetUtcNow() || (Count >= _maxEntries && !SweepExpired()))
        {
            return;
        }

        var entry = new Entry(validated, identity.Clone(), keys, expiresAt);
        if (_entries.TryAdd(token, entry))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            // Another request validated the same token first, or an entry for older keys is still there.
            _entries[token] = entry;
        }
    }

    /// <summary>Forgets expired entries (at most once per second); true when there is room afterwards.</summary>
    private bool SweepExpired()
    {
        var now = timeProvider.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (last != 0 && timeProvider.GetElapsedTime(last, now) < SweepInterval
            || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return Count < _maxEntries;
        }

        var utcNow = timeProvider.GetUtcNow();
        foreach (var (token, entry) in _entries)
        {
            if (entry.ExpiresAt <= utcNow)
            {
                Remove(token, entry);
            }
        }

        return Count < _maxEntries;
    }

    private void Remove(string token, Entry entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(token, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private sealed record Entry(JsonWebToken Token, ClaimsIdentity Identity, object Keys, DateTimeOffset ExpiresAt);
}
