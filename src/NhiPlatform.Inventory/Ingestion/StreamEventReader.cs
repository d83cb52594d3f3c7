using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// The envelope check both streams share: expected type, schema version 1, JSON that reads as the event with an id,
/// then the event's own rule. Anything else becomes a dead letter with the reason and the raw payload.
/// </summary>
internal static class StreamEventReader
{
    public static (TEvent? Event, DeadLetter? DeadLetter) Read<TEvent>(
        StreamEntry entry, string stream, string typeName, JsonTypeInfo<TEvent> typeInfo, Func<TEvent, string?> problemOf)
        where TEvent : class
    {
        entry.Fields.TryGetValue(NhiStreams.DataField, out var data);
        var payload = data ?? string.Join(' ', entry.Fields.Select(f => $"{f.Key}={f.Value}"));
        if (!entry.Fields.TryGetValue(NhiStreams.TypeField, out var type) || type != typeName)
        {
            return (null, new DeadLetter(stream, entry.Id, $"unexpected type '{type}'", payload));
        }

        if (!entry.Fields.TryGetValue(NhiStreams.VersionField, out var version) || version != "1")
        {
            return (null, new DeadLetter(stream, entry.Id, $"unsupported schema version '{version}'", payload));
        }

        try
        {
            var read = data is null ? null : JsonSerializer.Deserialize(data, typeInfo);
            var problem = read is null ? "missing event" : problemOf(read);
            return problem is null ? (read, null) : (null, new DeadLetter(stream, entry.Id, problem, payload));
        }
        catch (JsonException exception)
        {
            return (null, new DeadLetter(stream, entry.Id, $"invalid JSON: {exception.Message}", payload));
        }
    }
}
