using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Usage entries into the ledger (and its edges, callers and roll-ups), then a live-update signal.</summary>
internal sealed class UsageBatchSink(
    IUsageLedger ledger, ILiveChangePublisher live, IngestionMetrics metrics, TimeProvider timeProvider, ILogger<UsageBatchSink> logger)
    : ParsingBatchSink<UsageRecordedEvent>(NhiStreams.Usage, LiveChangeKinds.Usage, live, metrics, timeProvider, logger)
{
    protected override (UsageRecordedEvent? Event, DeadLetter? DeadLetter) Parse(StreamEntry entry) => UsageEntryParser.Parse(entry);

    protected override Task<int> SaveAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        ledger.AppendAsync(events, deadLetters, cancellationToken);
}
