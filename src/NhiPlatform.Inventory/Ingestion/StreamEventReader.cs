using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// The envelope check both streams share: expected type, schema version 1, JSON (read from the entry's bytes) that
/// reads as the event with an id, then the event's own rule. Anything else becomes a dead letter with the reason and
/// the raw payload.
/// </summary>
internal static class StreamEventReader
{
    public static (TEvent? Event, DeadLetter? DeadLetter) Read<TEvent>(
        StreamEntry entry, string stream, string typeName, JsonTypeInfo<TEvent> typeInfo, Func<TEvent, string?> problemOf)
        where TEvent : class
    {
        if (EnvelopeProblem(entry, typeName) is { } envelope)
        {
            return (null, new DeadLetter(stream, entry.Id, envelope, entry.RawPayload()));
        }

        try
        {
            var read = entry.Data is { } data ? JsonSerializer.Deserialize(data.Span, typeInfo) : null;
            var problem = read is null ? "missing event" : problemOf(read);
            return problem is null ? (read, null) : (null, new DeadLetter(stream, entry.Id, problem, entry.RawPayload()));
        }
        catch (JsonException exception)
        {
            return (null, new DeadLetter(stream, entry.Id, $"invalid JSON: {exception.Message}", entry.RawPayload()));
        }
    }

    /// <summary>Puts what <see cref="Read{TEvent}"/> gave where it belongs: the event, or its dead letter.</summary>
    public static void AddTo<TEvent>((TEvent? Event, DeadLetter? DeadLetter) read, List<TEvent> events, List<DeadLetter> deadLetters)
        where TEvent : class
    {
        if (read.Event is { } readEvent)
        {
            events.Add(readEvent);
        }
        else if (read.DeadLetter is { } deadLetter)
        {
            deadLetters.Add(deadLetter);
        }
    }

    /// <summary>Why the entry is not a v1 <paramref name="typeName"/> entry, or null when it is.</summary>
    public static string? EnvelopeProblem(StreamEntry entry, string typeName)
    {
        if (!entry.Fields.TryGetValue(NhiStreams.TypeField, out var type) || type != typeName)
        {
            return $"unexpected type '{type}'";
        }

        return !entry.Fields.TryGetValue(NhiStreams.VersionField, out var version) || version != "1"
            ? $"unsupported schema version '{version}'"
            : null;
    }
}
