namespace NhiPlatform.TokenService.Benchmarks;

/// <summary>One measured run: successful requests, failures, elapsed time and every latency (ms).</summary>
internal sealed record LoadResult(long Succeeded, long Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Succeeded / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public static LoadResult Combine(IReadOnlyList<LoadResult> runs) => new(
        runs.Sum(r => r.Succeeded), runs.Sum(r => r.Failed), TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
        [.. runs.SelectMany(r => r.LatenciesMs)]);
}
