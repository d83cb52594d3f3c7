using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Identity-change entries into the catalogue, then a live-update signal.</summary>
internal sealed class IdentityBatchSink(IIdentityCatalogue catalogue, ILiveChangePublisher live, ILogger<IdentityBatchSink> logger) : IBatchSink
{
    public async Task<BatchOutcome> StoreAsync(IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var events = new List<IdentityChangedEvent>(entries.Count);
        var deadLetters = new List<DeadLetter>();
        foreach (var entry in entries)
        {
            var (change, deadLetter) = IdentityEntryParser.Parse(entry);
            if (change is not null)
            {
                events.Add(change);
            }
            else if (deadLetter is not null)
            {
                deadLetters.Add(deadLetter);
                IngestionLog.DeadLettered(logger, NhiStreams.Identities, deadLetter.EntryId, deadLetter.Reason);
            }
        }

        var applied = await catalogue.ApplyAsync(events, deadLetters, cancellationToken);
        if (applied > 0)
        {
            await live.PublishAsync(LiveChangeKinds.Identities, cancellationToken);
        }

        return new BatchOutcome(applied, events.Count - applied, deadLetters.Count);
    }
}
