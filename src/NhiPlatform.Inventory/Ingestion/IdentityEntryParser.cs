using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Reads an identity stream entry; anything that is not a usable v1 identity.changed becomes a dead letter.</summary>
internal static class IdentityEntryParser
{
    public static (IdentityChangedEvent? Event, DeadLetter? DeadLetter) Parse(StreamEntry entry)
    {
        entry.Fields.TryGetValue(NhiStreams.DataField, out var data);
        var payload = data ?? string.Join(' ', entry.Fields.Select(f => $"{f.Key}={f.Value}"));
        if (!entry.Fields.TryGetValue(NhiStreams.TypeField, out var type) || type != IdentityChangedEvent.TypeName)
        {
            return (null, Dead(entry, $"unexpected type '{type}'", payload));
        }

        if (!entry.Fields.TryGetValue(NhiStreams.VersionField, out var version) || version != "1")
        {
            return (null, Dead(entry, $"unsupported schema version '{version}'", payload));
        }

        try
        {
            var change = data is null ? null : JsonSerializer.Deserialize(data, NhiEventsJsonContext.Default.IdentityChangedEvent);
            if (change is null || change.EventId == Guid.Empty)
            {
                return (null, Dead(entry, "missing event", payload));
            }

            return change.ClientId == change.Identity.ClientId
                ? (change, null)
                : (null, Dead(entry, "clientId differs from identity.clientId", payload));
        }
        catch (JsonException exception)
        {
            return (null, Dead(entry, $"invalid JSON: {exception.Message}", payload));
        }
    }

    private static DeadLetter Dead(StreamEntry entry, string reason, string payload) => new(NhiStreams.Identities, entry.Id, reason, payload);
}
