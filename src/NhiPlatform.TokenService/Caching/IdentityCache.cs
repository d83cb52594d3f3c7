using System.Collections.Concurrent;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Caching;

/// <summary>
/// Identities with their credentials, in memory, so a token request costs no PostgreSQL round trip. An entry is
/// dropped when this replica commits a change, when another replica's change is announced over Redis, and after
/// <see cref="MaxAge"/> at the latest (a safety net for a missed announcement).
/// </summary>
internal sealed class IdentityCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly IIdentityStore _store;
    private readonly TimeProvider _timeProvider;

    public IdentityCache(IIdentityStore store, IdentityChangeNotifier notifier, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
        notifier.Changed += Invalidate;
    }

    public async ValueTask<IdentityRecord?> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_entries.TryGetValue(clientId, out var entry) && now - entry.LoadedAt < MaxAge)
        {
            return entry.Record;
        }

        // An invalidation that races the load bumps the generation: the stale read is then not kept.
        var generation = _generations.GetValueOrDefault(clientId);
        var record = await _store.FindRecordAsync(clientId, cancellationToken);
        if (record is not null && _generations.GetValueOrDefault(clientId) == generation)
        {
            _entries[clientId] = new Entry(record, now);
            if (_generations.GetValueOrDefault(clientId) != generation)
            {
                _entries.TryRemove(clientId, out _);
            }
        }

        return record;
    }

    /// <summary>Whether a fresh entry for the client is in memory (authenticating it costs no database round trip).</summary>
    public bool Contains(string clientId) =>
        _entries.TryGetValue(clientId, out var entry) && _timeProvider.GetUtcNow() - entry.LoadedAt < MaxAge;

    public void Invalidate(string clientId)
    {
        _generations.AddOrUpdate(clientId, 1, (_, generation) => generation + 1);
        _entries.TryRemove(clientId, out _);
    }

    /// <summary>
    /// An announced change, which arrives after the replica that made it has committed (and dropped its own entry).
    /// An entry whose load began after the change was made already reflects it and is kept: without this, a late
    /// announcement would evict fresh entries and send the next token request to PostgreSQL. Replicas' clocks are
    /// assumed synchronised (NTP); a skew only delays an eviction to <see cref="MaxAge"/>, and a disabled identity's
    /// tokens are cut off at the gateways regardless.
    /// </summary>
    public void InvalidateChangedAt(string clientId, DateTimeOffset changedAt)
    {
        if (_entries.TryGetValue(clientId, out var entry) && entry.LoadedAt > changedAt)
        {
            return;
        }

        Invalidate(clientId);
    }

    public void Clear()
    {
        foreach (var clientId in _entries.Keys)
        {
            Invalidate(clientId);
        }
    }

    private sealed record Entry(IdentityRecord Record, DateTimeOffset LoadedAt);
}
