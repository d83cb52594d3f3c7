using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NhiPlatform.Soak;

/// <summary>
/// The soak's verdict: no wrong answer, no request the platform could not keep up with, and each service's resident
/// memory at the end within 10 % of what it was once warm. Written to bench/results/soak-&lt;time&gt;.json and .md.
/// </summary>
internal sealed record SoakReport(string Markdown, JsonObject Json, bool Passed)
{
    public const double MaxGrowth = 0.10;

    public static SoakReport Create(double minutes, int rate, LoadOutcome load, IEnumerable<MemorySample> samples)
    {
        var duration = load.Elapsed;
        // Warm: after JIT, pools and caches have filled (a fifth of the run, at most two minutes); end: the last fifth.
        var warmFrom = TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.FromMinutes(2).Ticks));
        var warmTo = warmFrom + TimeSpan.FromTicks(duration.Ticks / 5);
        var endFrom = duration - TimeSpan.FromTicks(duration.Ticks / 5);
        var memory = samples.GroupBy(s => s.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var warm = Median(g.Where(s => s.At >= warmFrom && s.At < warmTo));
            var end = Median(g.Where(s => s.At >= endFrom));
            var growth = warm > 0 && end > 0 ? end / warm - 1 : double.NaN;
            var peak = g.Max(s => s.ResidentBytes ?? 0);
            var gone = g.Any(s => s.ResidentBytes is null);
            return (Service: g.Key, Warm: warm, End: end, Growth: growth, Peak: peak, Gone: gone);
        }).ToList();

        var memoryFlat = memory.Count > 0 && memory.All(m => !m.Gone && m.Growth < MaxGrowth);
        var passed = memoryFlat && load.Wrong == 0 && load.BehindCount == 0 && load.Sent > 0;
        var at = DateTimeOffset.UtcNow;

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Soak {at:yyyy-MM-ddTHH:mm:ssZ}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{minutes} min of mixed traffic at {rate} req/s through the gateway of the platform (`./run.sh --demo` topology, demo traffic on), {Environment.ProcessorCount} cores.")
            .AppendLine(CultureInfo.InvariantCulture, $"Sent {load.Sent:N0} requests in {load.Elapsed.TotalSeconds:F0} s; wrong answers or failures: {load.Wrong}; not sent because {load.BehindCount} would have exceeded the in-flight bound.")
            .AppendLine()
            .AppendLine("| request | sent | statuses | p50 ms | p99 ms | wrong |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, c) in load.Counters.OrderByDescending(c => c.Value.Sent))
        {
            var statuses = string.Join(" ", c.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {c.Sent} | {statuses} | {c.Percentile(50):F1} | {c.Percentile(99):F1} | {c.Wrong + c.Failed} |");
        }

        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Resident memory: warm = median over {warmFrom.TotalSeconds:F0}-{warmTo.TotalSeconds:F0} s, end = median over the last {(duration - endFrom).TotalSeconds:F0} s (aim: growth < {MaxGrowth:P0}).")
            .AppendLine()
            .AppendLine("| service | warm MiB | end MiB | growth | peak MiB |")
            .AppendLine("|---|---|---|---|---|");
        foreach (var m in memory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Service}{(m.Gone ? " (exited!)" : "")} | {Mib(m.Warm):F1} | {Mib(m.End):F1} | {m.Growth:P1} | {Mib(m.Peak):F1} |");
        }

        if (load.Errors.Count > 0)
        {
            text.AppendLine().AppendLine("First wrong answers:").AppendLine();
            foreach (var error in load.Errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {error.ReplaceLineEndings(" ")}");
            }
        }

        text.AppendLine().AppendLine(passed ? "**Passed.**" : "**Failed.**");

        var json = new JsonObject
        {
            ["benchmark"] = "soak",
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["cores"] = Environment.ProcessorCount,
            ["minutes"] = minutes,
            ["requestsPerSecond"] = rate,
            ["sent"] = load.Sent,
            ["wrong"] = load.Wrong,
            ["behind"] = load.BehindCount,
            ["maxGrowth"] = MaxGrowth,
            ["memory"] = new JsonArray([.. memory.Select(m => (JsonNode)new JsonObject
            {
                ["service"] = m.Service,
                ["warmBytes"] = m.Warm,
                ["endBytes"] = m.End,
                ["growth"] = double.IsNaN(m.Growth) ? null : Math.Round(m.Growth, 4),
                ["peakBytes"] = m.Peak,
                ["exited"] = m.Gone,
            })]),
            ["passed"] = passed,
        };
        return new SoakReport(text.ToString(), json, passed);
    }

    /// <summary>Writes both files; the path of the JSON one.</summary>
    public string Write()
    {
        var directory = Path.Combine(RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(directory);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var json = Path.Combine(directory, $"soak-{stamp}.json");
        File.WriteAllText(json, Json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.ChangeExtension(json, ".md"), Markdown);
        return json;
    }

    private static double Median(IEnumerable<MemorySample> samples)
    {
        var values = samples.Where(s => s.ResidentBytes is not null).Select(s => (double)s.ResidentBytes!.Value).Order().ToArray();
        return values.Length == 0 ? 0 : values[values.Length / 2];
    }

    private static double Mib(double bytes) => bytes / (1024 * 1024);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NhiPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
