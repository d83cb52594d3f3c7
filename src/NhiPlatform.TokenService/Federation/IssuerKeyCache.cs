using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// External issuers' discovered keys, per replica (a cache only: every replica reaches the same answer). Keys are
/// fetched when missing or older than <see cref="FederationOptions.KeysCacheDuration"/>, and again for an unknown
/// <c>kid</c> (the issuer rotated), but at most once per <see cref="FederationOptions.KeysRefreshInterval"/> per issuer,
/// so assertions with made-up kids cannot turn us into a load generator against the issuer.
/// </summary>
internal sealed class IssuerKeyCache(
    IssuerMetadataClient metadata, IOptions<FederationOptions> options, TimeProvider timeProvider, ILogger<IssuerKeyCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _fetches = new(StringComparer.Ordinal);

    public async Task<IssuerSigningKeys> GetAsync(string issuer, string? keyId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(issuer, out var entry) && !NeedsFetch(entry, keyId))
        {
            return entry.Keys;
        }

        var gate = _fetches.GetOrAdd(issuer, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            if (_entries.TryGetValue(issuer, out entry) && !NeedsFetch(entry, keyId))
            {
                return entry.Keys;
            }

            var now = timeProvider.GetUtcNow();
            var fetched = await metadata.FetchKeysAsync(issuer, cancellationToken);
            FederationLog.IssuerKeysFetched(logger, issuer, fetched.Keys.Count, fetched.Failure ?? "ok");
            // A failed refresh keeps the keys we had: an issuer's brief outage must not stop workloads it already vouched for.
            var kept = fetched.Failure is not null && entry is { Keys.Failure: null } ? entry.Keys : fetched;
            _entries[issuer] = new Entry(kept, fetched.Failure is null ? now : entry?.FetchedAt ?? now, now);
            return kept;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool NeedsFetch(Entry entry, string? keyId)
    {
        var now = timeProvider.GetUtcNow();
        var sinceAttempt = now - entry.AttemptedAt;
        if (sinceAttempt < options.Value.KeysRefreshInterval)
        {
            return false;
        }

        return entry.Keys.Failure is not null
            || now - entry.FetchedAt >= options.Value.KeysCacheDuration
            || (keyId is not null && !entry.Keys.Keys.Any(key => key.KeyId == keyId));
    }

    private sealed record Entry(IssuerSigningKeys Keys, DateTimeOffset FetchedAt, DateTimeOffset AttemptedAt);
}
