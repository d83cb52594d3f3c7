namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Chooses what one consumer reads next. First its own pending entries (what it held when it stopped or failed), then
/// now and then entries a dead consumer left idle past <c>ClaimAfter</c>, else new entries: as many as are waiting,
/// up to <c>BatchSize</c> events (small batches when keeping up, full ones on a backlog). While a full batch is being
/// stored, the next one is read ahead, so Redis and PostgreSQL work at the same time. Entries read ahead are pending
/// for this consumer, never acknowledged before their own commit, and are read again after a failure.
/// </summary>
/// <remarks>
/// <c>BatchSize</c> counts events, and an entry may carry many (<see cref="StreamEntry.EventCount"/>): a read asks for
/// <c>BatchSize</c> divided by the events per entry of the last read (one entry first, before anything is known). A
/// read that still brings more events than <c>BatchSize</c> (the producer changed its entry size) is handed out in
/// parts; the rest is delivered to this consumer and so pending, and is dropped by <see cref="ResetAsync"/> to be read
/// again from the pending list.
/// </remarks>
internal sealed class StreamBatchReader(IEventStream stream, IngestionOptions settings, TimeProvider timeProvider)
{
    private bool _readPending = true;
    private Task<IReadOnlyList<StreamEntry>>? _readAhead;
    private int _readAheadCount;
    private long _nextClaim;
    private int _eventsPerEntry = settings.BatchSize;
    private IReadOnlyList<StreamEntry> _held = [];

    /// <summary>Entries to ask for so a read holds about <c>BatchSize</c> events, at least one.</summary>
    public int EntriesPerRead => Math.Max(1, settings.BatchSize / _eventsPerEntry);

    public async Task<IReadOnlyList<StreamEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_held.Count > 0)
        {
            return Hand(_held);
        }

        if (_readPending)
        {
            var count = EntriesPerRead;
            var pending = await stream.ReadPendingAsync(count, cancellationToken);
            _readPending = pending.Count > 0;
            if (pending.Count > 0)
            {
                return Hand(Learn(pending));
            }
        }

        if (timeProvider.GetTimestamp() >= _nextClaim)
        {
            var count = EntriesPerRead;
            var claimed = await stream.ClaimAbandonedAsync(settings.ClaimAfter, count, cancellationToken);
            if (claimed.Count < count)
            {
                // Entries become claimable ClaimAfter after their delivery: looking a few times per ClaimAfter is enough.
                _nextClaim = timeProvider.GetTimestamp() + (long)(ClaimCheckInterval.TotalSeconds * timeProvider.TimestampFrequency);
            }

            if (claimed.Count > 0)
            {
                return Hand(Learn(claimed));
            }
        }

        var asked = _readAhead is null ? EntriesPerRead : _readAheadCount;
        var entries = Learn(_readAhead is { } ahead ? await ahead : await stream.ReadNewAsync(asked, cancellationToken));
        _readAhead = null;
        if (entries.Count >= asked)
        {
            _readAheadCount = EntriesPerRead;
            _readAhead = stream.ReadNewAsync(_readAheadCount, cancellationToken);
        }

        return Hand(entries);
    }

    private TimeSpan ClaimCheckInterval => TimeSpan.FromTicks(Math.Min(settings.ClaimAfter.Ticks / 4, TimeSpan.TicksPerSecond * 5));

    /// <summary>Sizes the next read by the events per entry of this one (rounded up, so a batch stays under <c>BatchSize</c>).</summary>
    private IReadOnlyList<StreamEntry> Learn(IReadOnlyList<StreamEntry> entries)
    {
        if (entries.Count > 0)
        {
            var events = entries.Sum(e => (long)e.EventCount);
            _eventsPerEntry = (int)Math.Clamp((events + entries.Count - 1) / entries.Count, 1, settings.BatchSize);
        }

        return entries;
    }

    /// <summary>The leading entries that hold up to <c>BatchSize</c> events (at least one); the rest is held for the next call.</summary>
    private IReadOnlyList<StreamEntry> Hand(IReadOnlyList<StreamEntry> entries)
    {
        var taken = 0;
        for (long events = 0; taken < entries.Count; taken++)
        {
            events += entries[taken].EventCount;
            if (events > settings.BatchSize && taken > 0)
            {
                break;
            }
        }

        if (taken == entries.Count)
        {
            _held = [];
            return entries;
        }

        _held = [.. entries.Skip(taken)];
        return [.. entries.Take(taken)];
    }

    /// <summary>After a failed batch: everything read (or read ahead, or held) stays pending and is read again from the pending list.</summary>
    public async Task ResetAsync()
    {
        _readPending = true;
        _held = [];
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
