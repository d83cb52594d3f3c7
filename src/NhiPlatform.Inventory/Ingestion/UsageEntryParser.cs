using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Reads a usage stream entry, a single <c>usage.recorded</c> or a <c>usage.batch</c> of them, into the events it
/// carries; anything it cannot trust to be a v1 usage event becomes a dead letter.
/// </summary>
internal static class UsageEntryParser
{
    public static void Parse(StreamEntry entry, List<UsageRecordedEvent> events, List<DeadLetter> deadLetters)
    {
        if (entry.Fields.TryGetValue(NhiStreams.TypeField, out var type) && type == UsageBatch.TypeName)
        {
            UsageBatchEntryParser.Parse(entry, events, deadLetters);
            return;
        }

        StreamEventReader.AddTo(StreamEventReader.Read(entry, NhiStreams.Usage, UsageRecordedEvent.TypeName,
            NhiEventsJsonContext.Default.UsageRecordedEvent, ProblemOf), events, deadLetters);
    }

    /// <summary>The rule every usage event passes, alone or in a batch: the ledger is keyed by its id.</summary>
    public static string? ProblemOf(UsageRecordedEvent usage) => usage.EventId == Guid.Empty ? "missing event" : null;
}
