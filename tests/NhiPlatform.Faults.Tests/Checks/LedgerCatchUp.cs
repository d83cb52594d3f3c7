using System.Diagnostics;
using NhiPlatform.Faults.Tests.Load;
using NhiPlatform.Faults.Tests.Platform;
using Xunit.Abstractions;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Waits, bounded, until nothing answered is missing from the ledger and nothing is still on its way to it (spill
/// segments, unacknowledged stream entries), then gives the comparison: what is still missing then is lost.
/// </summary>
internal static class LedgerCatchUp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<LedgerComparison> WaitAsync(
        FaultPlatform platform, DateTimeOffset since, RequestJournal journal, SuiteReport report, ITestOutputHelper output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var rows = await UsageLedgerReader.ReadAsync(platform.DatabaseConnectionString, since, CancellationToken.None);
            var comparison = LedgerComparison.Of(journal.Requests, rows);
            var backlog = await IngestionBacklog.DescribeAsync(platform.CacheConnectionString, platform.SpillDirectory);
            if ((comparison.Missing == 0 && backlog is null) || waited.Elapsed > Timeout)
            {
                output.WriteLine($"ledger caught up in {waited.Elapsed.TotalSeconds:F1} s ({rows.Count} rows)");
                output.WriteLine(FormattableString.Invariant($"measured: ledger complete after the load stopped (s) = {waited.Elapsed.TotalSeconds:F1}"));
                if (backlog is not null)
                {
                    report.Problem("ledger", $"after {Timeout.TotalSeconds} s still on its way: {backlog}");
                }

                return comparison;
            }

            await Task.Delay(500);
        }
    }
}
