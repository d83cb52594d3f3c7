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
    protected override void Parse(StreamEntry entry, List<UsageRecordedEvent> events, List<DeadLetter> deadLetters) =>
        UsageEntryParser.Parse(entry, events, deadLetters);

    protected override Task<int> SaveAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        ledger.AppendAsync(events, deadLetters, cancellationToken);
}
