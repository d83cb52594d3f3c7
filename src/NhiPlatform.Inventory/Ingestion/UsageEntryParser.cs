using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Reads a usage stream entry; anything it cannot trust to be a v1 usage event becomes a dead letter.</summary>
internal static class UsageEntryParser
{
    public static (UsageRecordedEvent? Event, DeadLetter? DeadLetter) Parse(StreamEntry entry) =>
        StreamEventReader.Read(entry, NhiStreams.Usage, UsageRecordedEvent.TypeName, NhiEventsJsonContext.Default.UsageRecordedEvent,
            usage => usage.EventId == Guid.Empty ? "missing event" : null);
}
