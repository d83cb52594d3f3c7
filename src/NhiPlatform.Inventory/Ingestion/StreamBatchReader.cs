namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Chooses what one consumer reads next. First its own pending entries (what it held when it stopped or failed), then
/// now and then entries a dead consumer left idle past <c>ClaimAfter</c>, else new entries: as many as are waiting,
/// up to <c>BatchSize</c> (small batches when keeping up, full ones on a backlog). While a full batch is being
/// stored, the next one is read ahead, so Redis and PostgreSQL work at the same time. Entries read ahead are pending
/// for this consumer, never acknowledged before their own commit, and are read again after a failure.
/// </summary>
internal sealed class StreamBatchReader(IEventStream stream, IngestionOptions settings, TimeProvider timeProvider)
{
    private bool _readPending = true;
    private Task<IReadOnlyList<StreamEntry>>? _readAhead;
    private long _nextClaim;

    public async Task<IReadOnlyList<StreamEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_readPending)
        {
            var pending = await stream.ReadPendingAsync(settings.BatchSize, cancellationToken);
            _readPending = pending.Count > 0;
            if (pending.Count > 0)
            {
                return pending;
            }
        }

        if (timeProvider.GetTimestamp() >= _nextClaim)
        {
            var claimed = await stream.ClaimAbandonedAsync(settings.ClaimAfter, settings.BatchSize, cancellationToken);
            if (claimed.Count < settings.BatchSize)
            {
                // Entries become claimable ClaimAfter after their delivery: looking a few times per ClaimAfter is enough.
                _nextClaim = timeProvider.GetTimestamp() + (long)(ClaimCheckInterval.TotalSeconds * timeProvider.TimestampFrequency);
            }

            if (claimed.Count > 0)
            {
                return claimed;
            }
        }

        var entries = _readAhead is { } ahead ? await ahead : await stream.ReadNewAsync(settings.BatchSize, cancellationToken);
        _readAhead = entries.Count == settings.BatchSize ? stream.ReadNewAsync(settings.BatchSize, cancellationToken) : null;
        return entries;
    }

    private TimeSpan ClaimCheckInterval => TimeSpan.FromTicks(Math.Min(settings.ClaimAfter.Ticks / 4, TimeSpan.TicksPerSecond * 5));

    /// <summary>After a failed batch: everything read (or read ahead) stays pending and is read again from the pending list.</summary>
    public async Task ResetAsync()
    {
        _readPending = true;
        if (_readAhead is { } ahead)
        {
            _readAhead = null;
            try
            {
                await ahead;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Whatever it delivered is in this consumer's pending list; the failure itself is not ours to report twice.
            }
        }
    }
}
