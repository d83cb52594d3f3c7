using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Identity-change entries into the catalogue, then a live-update signal.</summary>
internal sealed class IdentityBatchSink(
    IIdentityCatalogue catalogue, ILiveChangePublisher live, IngestionMetrics metrics, TimeProvider timeProvider, ILogger<IdentityBatchSink> logger)
    : ParsingBatchSink<IdentityChangedEvent>(NhiStreams.Identities, LiveChangeKinds.Identities, live, metrics, timeProvider, logger)
{
    protected override void Parse(StreamEntry entry, List<IdentityChangedEvent> events, List<DeadLetter> deadLetters) =>
        StreamEventReader.AddTo(IdentityEntryParser.Parse(entry), events, deadLetters);

    protected override Task<int> SaveAsync(
        IReadOnlyList<IdentityChangedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken) =>
        catalogue.ApplyAsync(events, deadLetters, cancellationToken);
}
