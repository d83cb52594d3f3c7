using System.Diagnostics.Metrics;
using System.Globalization;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Ingestion throughput and lag (meter <c>NhiPlatform.Inventory</c>): events stored, replays skipped, dead letters
/// per stream, and the lag from an entry's arrival in Redis (its stream id's milliseconds) to its commit.
/// </summary>
internal sealed class IngestionMetrics
{
    public const string MeterName = "NhiPlatform.Inventory";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _deadLetters;
    private readonly Histogram<double> _lag;
    private readonly Histogram<double> _stage;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stored = meter.CreateCounter<long>("nhi.inventory.ingestion.stored", "{event}", "Events stored (new event ids).");
        _duplicates = meter.CreateCounter<long>("nhi.inventory.ingestion.duplicates", "{event}", "Replayed events skipped.");
        _deadLetters = meter.CreateCounter<long>("nhi.inventory.ingestion.dead_letters", "{entry}", "Entries dead-lettered.");
        _lag = meter.CreateHistogram<double>("nhi.inventory.ingestion.lag", "s", "From the entry's arrival in the stream to its commit.");
        _stage = meter.CreateHistogram<double>("nhi.inventory.ingestion.stage", "s", "Time a batch spent in one step (see IngestionStages).");
    }

    public void Record(string stream, BatchOutcome outcome, IReadOnlyList<StreamEntry> entries, DateTimeOffset committedAt)
    {
        var tag = new KeyValuePair<string, object?>("stream", stream);
        _stored.Add(outcome.Stored, tag);
        _duplicates.Add(outcome.Duplicates, tag);
        _deadLetters.Add(outcome.DeadLetters, tag);
        foreach (var entry in entries)
        {
            if (TryGetArrival(entry.Id, out var arrival))
            {
                _lag.Record(Math.Max(0, (committedAt - arrival).TotalSeconds), tag);
            }
        }
    }

    public void RecordStage(string stream, string stage, TimeSpan elapsed) =>
        _stage.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stream", stream), new KeyValuePair<string, object?>("stage", stage));

    /// <summary>A stream id is <c>&lt;milliseconds&gt;-&lt;sequence&gt;</c>: the time Redis appended the entry.</summary>
    public static bool TryGetArrival(string entryId, out DateTimeOffset arrival)
    {
        var dash = entryId.IndexOf('-', StringComparison.Ordinal);
        var ok = long.TryParse(dash < 0 ? entryId : entryId[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds);
        arrival = ok ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : default;
        return ok;
    }
}
