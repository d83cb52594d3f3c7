using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Reads a usage stream entry; anything it cannot trust to be a v1 usage event becomes a dead letter.</summary>
internal static class UsageEntryParser
{
    public static (UsageRecordedEvent? Event, DeadLetter? DeadLetter) Parse(StreamEntry entry)
    {
        entry.Fields.TryGetValue(NhiStreams.DataField, out var data);
        var payload = data ?? string.Join(' ', entry.Fields.Select(f => $"{f.Key}={f.Value}"));
        if (!entry.Fields.TryGetValue(NhiStreams.TypeField, out var type) || type != UsageRecordedEvent.TypeName)
        {
            return (null, new DeadLetter(NhiStreams.Usage, entry.Id, $"unexpected type '{type}'", payload));
        }

        if (!entry.Fields.TryGetValue(NhiStreams.VersionField, out var version) || version != "1")
        {
            return (null, new DeadLetter(NhiStreams.Usage, entry.Id, $"unsupported schema version '{version}'", payload));
        }

        try
        {
            var usage = data is null ? null : JsonSerializer.Deserialize(data, NhiEventsJsonContext.Default.UsageRecordedEvent);
            return usage is null || usage.EventId == Guid.Empty
                ? (null, new DeadLetter(NhiStreams.Usage, entry.Id, "missing event", payload))
                : (usage, null);
        }
        catch (JsonException exception)
        {
            return (null, new DeadLetter(NhiStreams.Usage, entry.Id, $"invalid JSON: {exception.Message}", payload));
        }
    }
}
