using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Reads a <c>usage.batch</c> v1 entry: <c>data</c> must be a JSON array of <c>usage.recorded</c> v1 objects, else the
/// whole entry is one dead letter with its raw payload. An element the array holds but that is unusable (null, or
/// without an event id) is a dead letter of its own with that element's JSON (<see cref="ElementId"/>); the other
/// elements are stored.
/// </summary>
internal static class UsageBatchEntryParser
{
    public static void Parse(StreamEntry entry, List<UsageRecordedEvent> events, List<DeadLetter> deadLetters)
    {
        if (StreamEventReader.EnvelopeProblem(entry, UsageBatch.TypeName) is { } envelope)
        {
            deadLetters.Add(new DeadLetter(NhiStreams.Usage, entry.Id, envelope, entry.RawPayload()));
            return;
        }

        if (entry.Data is not { } data)
        {
            deadLetters.Add(new DeadLetter(NhiStreams.Usage, entry.Id, "missing events", entry.RawPayload()));
            return;
        }

        UsageRecordedEvent?[]? batch;
        try
        {
            batch = JsonSerializer.Deserialize(data.Span, NhiEventsJsonContext.Default.UsageRecordedEventArray);
        }
        catch (JsonException exception)
        {
            deadLetters.Add(new DeadLetter(NhiStreams.Usage, entry.Id, $"invalid JSON: {exception.Message}", entry.RawPayload()));
            return;
        }

        if (batch is null)
        {
            deadLetters.Add(new DeadLetter(NhiStreams.Usage, entry.Id, "missing events", entry.RawPayload()));
            return;
        }

        for (var i = 0; i < batch.Length; i++)
        {
            var problem = batch[i] is { } usage ? UsageEntryParser.ProblemOf(usage) : "missing event";
            if (problem is null)
            {
                events.Add(batch[i]!);
            }
            else
            {
                deadLetters.Add(new DeadLetter(NhiStreams.Usage, ElementId(entry.Id, i), problem, ElementJson(data.Span, i)));
            }
        }
    }

    /// <summary>
    /// Dead letters are keyed by (stream, entry id): an element's own key names its entry and its place in the array,
    /// e.g. <c>1712345678901-0[3]</c>, so several elements of one entry each keep theirs and a replay adds none.
    /// </summary>
    public static string ElementId(string entryId, int index) => $"{entryId}[{index}]";

    /// <summary>The raw JSON of one element of a well-formed array (only walked when an element is dead-lettered).</summary>
    private static string ElementJson(ReadOnlySpan<byte> array, int index)
    {
        var reader = new Utf8JsonReader(array);
        reader.Read();
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (i == index)
            {
                return Encoding.UTF8.GetString(array[start..(int)reader.BytesConsumed]);
            }
        }

        return Encoding.UTF8.GetString(array);
    }
}
