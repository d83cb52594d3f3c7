using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// What both streams' sinks do: parse each entry into the events it carries (one, or many for a batch entry;
/// unreadable ones become dead letters, logged), store events and dead letters in one transaction, then signal the
/// live page when something new was stored.
/// </summary>
internal abstract class ParsingBatchSink<TEvent>(
    string stream, string liveKind, ILiveChangePublisher live, IngestionMetrics metrics, TimeProvider timeProvider, ILogger logger) : IBatchSink
    where TEvent : class
{
    public async Task<BatchOutcome> StoreAsync(IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        // Not sized by the entries' counts: those are the producer's word, and a wrong one must not cost memory.
        var events = new List<TEvent>(entries.Count);
        var deadLetters = new List<DeadLetter>();
        foreach (var entry in entries)
        {
            Parse(entry, events, deadLetters);
        }

        foreach (var deadLetter in deadLetters)
        {
            IngestionLog.DeadLettered(logger, stream, deadLetter.EntryId, deadLetter.Reason);
        }

        metrics.RecordStage(stream, IngestionStages.Parse, timeProvider.GetElapsedTime(started));
        var stored = await SaveAsync(events, deadLetters, cancellationToken);
        if (stored > 0)
        {
            await live.PublishAsync(liveKind, cancellationToken);
        }

        return new BatchOutcome(stored, events.Count - stored, deadLetters.Count);
    }

    /// <summary>Adds what the entry carries: its readable events to <paramref name="events"/>, the rest as dead letters.</summary>
    protected abstract void Parse(StreamEntry entry, List<TEvent> events, List<DeadLetter> deadLetters);

    /// <summary>Stores in one transaction; returns how many events were new (not stored before).</summary>
    protected abstract Task<int> SaveAsync(IReadOnlyList<TEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);
}
