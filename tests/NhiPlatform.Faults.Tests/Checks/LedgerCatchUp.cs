using System.Diagnostics;
using NhiPlatform.Faults.Tests.Load;
using NhiPlatform.Faults.Tests.Topology;
using Xunit.Abstractions;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Waits, bounded, until nothing answered is missing from the ledger and nothing is still on its way to it (spill
/// segments, unacknowledged stream entries), then gives the comparison: what is still missing then is lost.
/// </summary>
internal static class LedgerCatchUp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<LedgerComparison> WaitAsync(FaultTopology topology, RequestJournal journal, SuiteReport report, ITestOutputHelper output)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var rows = await UsageLedgerReader.ReadAsync(topology.Environment.PostgresConnectionString, CancellationToken.None);
            var comparison = LedgerComparison.Of(journal.Requests, rows);
            var backlog = await IngestionBacklog.DescribeAsync(topology.Environment.RedisConnectionString, topology.SpillDirectories);
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
