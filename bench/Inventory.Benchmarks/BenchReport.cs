using System.Globalization;
using System.Text.Json;
using static System.FormattableString;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>
/// The run's figures: Markdown for people (bench/results/inventory-&lt;utc time&gt;.md, by a full run; the analysis in
/// bench/results/inventory.md is written by hand and quotes them) and
/// bench/results/inventory-&lt;utc time&gt;.json for ./bench.sh (every run).
/// </summary>
internal sealed class BenchReport(int events, int rounds)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public List<ThroughputRound> Rounds { get; } = [];

    public (int Rate, int Seconds, (double P50, double P99, double Max, long Samples) Result)? Lag { get; set; }

    public (long Rows, IReadOnlyList<(string Query, double P50, double P99)> Results)? Queries { get; set; }

    private string BatchSize => BenchHost.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "default";

    private string Consumers => BenchHost.UsageConsumers?.ToString(CultureInfo.InvariantCulture) ?? "default";

    private static string Entries => BenchHost.EventsPerEntry == 1
        ? "stream written as usage.recorded entries, 1 event each"
        : Invariant($"stream written as usage.batch entries of {BenchHost.EventsPerEntry} events, as the gateway writes it");

    private ThroughputRound Median => Rounds.OrderBy(r => r.Ratio).ElementAt(Rounds.Count / 2);

    public string RoundLine(ThroughputRound r) => Invariant(
        $"- round: ingestion {r.IngestPerSecond:N0} events/s; bare COPY into the ledger's definition {r.Ledger.BeforePerSecond:N0} before, {r.Ledger.AfterPerSecond:N0} after: ratio {100 * r.Ratio:N0} %; into a plain table {r.Plain.BeforePerSecond:N0} before, {r.Plain.AfterPerSecond:N0} after: ratio {100 * r.PlainRatio:N0} %; CPU {r.IngestCpuMicrosPerEvent:N1} µs/event vs {r.Ledger.CpuMicrosPerRow:N1} µs/row into the ledger's definition ({100 * r.CpuRatio:N0} %), {r.Plain.CpuMicrosPerRow:N1} µs/row plain");

    public IEnumerable<string> Markdown()
    {
        yield return Invariant($"# Inventory benchmark ({_started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, shared machine)");
        yield return "";
        foreach (var line in Rounds.Count == 0 ? Enumerable.Empty<string>() : IngestionLines())
        {
            yield return line;
        }

        if (Lag is { } lag)
        {
            yield return "";
            yield return Invariant($"## Lag at {lag.Rate:N0} events/s for {lag.Seconds} s ({lag.Result.Samples:N0} entries; {Entries})");
            yield return Invariant($"- arrival in Redis → commit: p50 {lag.Result.P50 * 1000:N0} ms, p99 {lag.Result.P99 * 1000:N0} ms, max {lag.Result.Max * 1000:N0} ms (aim p99 < 1 s)");
        }

        if (Queries is { } queries)
        {
            yield return "";
            yield return Invariant($"## Queries on {queries.Rows:N0} generated ledger rows (30 daily partitions; 500 runs each, through the service's readers)");
            foreach (var q in queries.Results)
            {
                yield return Invariant($"- {q.Query}: p50 {q.P50:N1} ms, p99 {q.P99:N1} ms (aim p99 < 50 ms)");
            }
        }
    }

    private IEnumerable<string> IngestionLines()
    {
        yield return Invariant($"## Ingestion vs bare COPY ({events:N0} events already in the stream; {Rounds.Count} rounds; batch size {BatchSize}; usage consumers {Consumers}; {Entries})");
        yield return "Ingestion = XREADGROUP → parse → binary COPY into the ledger (existing ids looked up only after a duplicate) → read-model upserts → commit → XACK. " +
                     "Baseline = bare binary COPY of the same rows into a new table defined like the ledger (columns, primary key, 4 indexes, partitioned), " +
                     "run just before and just after each round, after a warm-up COPY; the same into a plain table (no key, no index) for reference.";
        foreach (var r in Rounds)
        {
            yield return RoundLine(r);
        }

        yield return Invariant($"- ratio against the bare COPY into the ledger's definition, median (range): **{100 * Median.Ratio:N0} %** ({100 * Rounds.Min(r => r.Ratio):N0}–{100 * Rounds.Max(r => r.Ratio):N0} %), aim ≥ 50 %");
        yield return Invariant($"- ratio against the bare COPY into a plain table, median (range): {100 * Median.PlainRatio:N0} % ({100 * Rounds.Min(r => r.PlainRatio):N0}–{100 * Rounds.Max(r => r.PlainRatio):N0} %)");
        yield return Invariant($"- CPU-time ratio (COPY into the ledger's definition, CPU per row / ingestion CPU per event, all processes: bench and service, PostgreSQL, Redis), median (range): {100 * Rounds.OrderBy(r => r.CpuRatio).ElementAt(Rounds.Count / 2).CpuRatio:N0} % ({100 * Rounds.Min(r => r.CpuRatio):N0}–{100 * Rounds.Max(r => r.CpuRatio):N0} %)");
        yield return "- where a batch's time goes (median round; seconds summed over its batches, stages overlap with the read-ahead):";
        foreach (var (stage, (seconds, batches)) in Median.Stages.OrderByDescending(s => s.Value.Seconds))
        {
            yield return Invariant($"  - {stage}: {seconds:N2} s over {batches:N0} batches ({1000 * seconds / Math.Max(1, batches):N2} ms each)");
        }
    }

    public async Task<(string? Markdown, string Json)> WriteAsync(string directory)
    {
        var json = Path.Combine(directory, $"inventory-{_started:yyyyMMdd'T'HHmmss'Z'}.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(Figures(), new JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (Lag is null || Queries is null)
        {
            return (null, json);
        }

        var markdown = Path.ChangeExtension(json, ".md");
        await File.WriteAllTextAsync(markdown, string.Join('\n', Markdown()) + "\n");
        return (markdown, json);
    }

    private object Figures() => new
    {
        benchmark = "inventory",
        utc = _started,
        cores = Environment.ProcessorCount,
        events,
        rounds,
        batchSize = BenchHost.BatchSize,
        usageConsumers = BenchHost.UsageConsumers,
        eventsPerEntry = BenchHost.EventsPerEntry,
        ingestion = Rounds.Count == 0 ? null : new
        {
            eventsPerSecond = Median.IngestPerSecond,
            baselineLedgerCopyRowsPerSecond = Median.Ledger.PerSecond,
            ratio = Median.Ratio,
            ratioMin = Rounds.Min(r => r.Ratio),
            ratioMax = Rounds.Max(r => r.Ratio),
            aimRatio = 0.5,
            plainCopyRowsPerSecond = Median.Plain.PerSecond,
            plainRatio = Median.PlainRatio,
            plainRatioMin = Rounds.Min(r => r.PlainRatio),
            plainRatioMax = Rounds.Max(r => r.PlainRatio),
            cpuRatio = Rounds.OrderBy(r => r.CpuRatio).ElementAt(Rounds.Count / 2).CpuRatio,
            perRound = Rounds.Select(r => new
            {
                r.IngestPerSecond, r.IngestCpuMicrosPerEvent, r.Ratio, r.PlainRatio, r.CpuRatio, r.Ledger, r.Plain,
            }),
            stageSeconds = Median.Stages.ToDictionary(s => s.Key, s => s.Value.Seconds),
        },
        lag = Lag is { } lag
            ? new { rate = lag.Rate, seconds = lag.Seconds, samples = lag.Result.Samples, p50Ms = lag.Result.P50 * 1000, p99Ms = lag.Result.P99 * 1000, maxMs = lag.Result.Max * 1000, aimP99Ms = 1000 }
            : null,
        queries = Queries is { } queries
            ? new { rows = queries.Rows, results = queries.Results.Select(q => new { query = q.Query, p50Ms = q.P50, p99Ms = q.P99, aimP99Ms = 50 }) }
            : null,
    };
}
