using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Usage entries into the ledger (and its edges, callers and roll-ups), then a live-update signal.</summary>
internal sealed class UsageBatchSink(IUsageLedger ledger, ILiveChangePublisher live, ILogger<UsageBatchSink> logger) : IBatchSink
{
    public async Task<BatchOutcome> StoreAsync(IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var events = new List<UsageRecordedEvent>(entries.Count);
        var deadLetters = new List<DeadLetter>();
        foreach (var entry in entries)
        {
            var (usage, deadLetter) = UsageEntryParser.Parse(entry);
            if (usage is not null)
            {
                events.Add(usage);
            }
            else if (deadLetter is not null)
            {
                deadLetters.Add(deadLetter);
                IngestionLog.DeadLettered(logger, NhiStreams.Usage, deadLetter.EntryId, deadLetter.Reason);
            }
        }

        var inserted = await ledger.AppendAsync(events, deadLetters, cancellationToken);
        if (inserted > 0)
        {
            await live.PublishAsync(LiveChangeKinds.Usage, cancellationToken);
        }

        return new BatchOutcome(inserted, events.Count - inserted, deadLetters.Count);
    }
}
