namespace NhiPlatform.TokenService.Domain;

/// <summary>Fixed-window counters shared by every replica.</summary>
internal interface IRateLimitCounter
{
    /// <summary>Adds one to the counter of <paramref name="key"/> in the window starting at <paramref name="windowStart"/>; returns the new count.</summary>
    Task<long> IncrementAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// One round trip for an authenticated request: the source's failure count, and unless it is at
    /// <paramref name="sourceLimit"/> already, the client's counter incremented (else -1).
    /// </summary>
    Task<(long SourceFailures, long ClientCount)> CheckAuthenticatedAsync(
        string sourceKey, string clientKey, long sourceLimit, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>The current count, without adding.</summary>
    Task<long> ReadAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken);
}
