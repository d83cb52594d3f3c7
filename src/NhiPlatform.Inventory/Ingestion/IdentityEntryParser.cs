using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Reads an identity stream entry; anything that is not a usable v1 identity.changed becomes a dead letter.</summary>
internal static class IdentityEntryParser
{
    public static (IdentityChangedEvent? Event, DeadLetter? DeadLetter) Parse(StreamEntry entry) =>
        StreamEventReader.Read(entry, NhiStreams.Identities, IdentityChangedEvent.TypeName, NhiEventsJsonContext.Default.IdentityChangedEvent,
            change => change.EventId == Guid.Empty ? "missing event"
                : change.ClientId != change.Identity.ClientId ? "clientId differs from identity.clientId"
                : null);
}
