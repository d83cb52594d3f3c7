using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Checks;

namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>
/// The restart faults, each under steady load and through Aspire's resource commands: a dependency, a service or one
/// gateway replica stops, stays away a moment and starts again on the same port with the same data. What must hold is
/// checked at the end (the ledger) and by the load's expected statuses.
/// </summary>
internal static class RestartPhases
{
    /// <summary>Long enough that requests arrive while it is down, short enough to keep the suite bounded.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(1.5);

    /// <summary>Segments a stopped replica left must be replayed by a replica soon after Redis is back (one replay a second).</summary>
    private static readonly TimeSpan ReplayBound = TimeSpan.FromSeconds(30);

    /// <summary>What the host logs once it begins its graceful stop (hosted services stop, the usage queue drains).</summary>
    private const string GracefulStopLine = "Application is shutting down...";

    /// <summary>PostgreSQL's last line when it stops cleanly (sessions ended, a checkpoint written).</summary>
    private const string CleanShutdownLine = "database system is shut down";

    /// <summary>
    /// The inventory must keep what it read (unacknowledged) and commit it once PostgreSQL is back. The stop itself must
    /// be clean, as the dashboard's Stop or Ctrl+C means it, not a kill followed by recovery from the WAL.
    /// </summary>
    public static async Task PostgresAsync(SuiteContext context)
    {
        var postgres = context.Platform.Resources.Resolve(NhiResources.Postgres);
        var before = context.Platform.Logs.Count(postgres, CleanShutdownLine);
        await RestartAsync(context, NhiResources.Postgres);
        context.Report.Check(context.Platform.Logs.Count(postgres, CleanShutdownLine) > before, context.Phase,
            $"PostgreSQL did not log '{CleanShutdownLine}' when the orchestrator stopped it: it was killed, and recovered from its WAL on start");
    }

    /// <summary>Entries read but not acknowledged when it stopped are read again by the restarted consumer.</summary>
    public static Task InventoryAsync(SuiteContext context) => RestartAsync(context, NhiResources.Inventory);

    /// <summary>The gateways validate with cached keys meanwhile; the workers' cached tokens keep working; new tokens after it returns.</summary>
    public static async Task TokenServiceAsync(SuiteContext context)
    {
        await RestartAsync(context, NhiResources.Tokens);
        await context.RenewLoadTokensAsync();
        context.Log("new tokens issued by the restarted token service");
    }

    /// <summary>
    /// The gateways spill what Redis cannot take and replay it; the inventory's consumer resumes. One replica also stops
    /// during the outage: what it spilled stays in the shared directory, and a replica that runs must replay it.
    /// </summary>
    public static async Task RedisAsync(SuiteContext context)
    {
        var platform = context.Platform;
        var replica = platform.GatewayInstances[^1];
        await platform.Faults.StopAsync(NhiResources.Cache);
        await Task.Delay(Outage / 2);
        await StopReplicaAsync(context, replica);
        var left = SpillSegments.LeftByStoppedWriters(platform.SpillDirectory);
        var waiting = SpillSegments.List(platform.SpillDirectory).Count;
        context.Log($"{left.Count} spill segment(s) left by {replica}, {waiting} waiting in all");
        // Proof the fault bit: requests answered while Redis was down had nowhere to go but the spill directory.
        context.Report.Check(left.Count > 0, context.Phase, $"{replica} stopped while Redis was down but left no spill segment to replay");
        await Task.Delay(Outage / 2);
        var back = await platform.Faults.StartAsync(NhiResources.Cache);
        context.Log($"Redis back in {back.TotalSeconds:F1} s");
        var started = await platform.StartGatewayReplicaAsync(replica);
        context.Log($"{replica} answering again in {started.TotalSeconds:F1} s");

        var replayed = await WaitUntilGoneAsync(left, ReplayBound);
        context.Report.Check(replayed, context.Phase,
            $"{left.Count(File.Exists)} segment(s) {replica} left were not replayed within {ReplayBound.TotalSeconds:0} s of Redis returning");
        context.Measure("spill segments left by the stopped replica", $"{left.Count}");
    }

    /// <summary>Load goes to the other replica meanwhile (the proxy); what the stopped one had queued was drained before it exited.</summary>
    public static async Task GatewayReplicaAsync(SuiteContext context)
    {
        var replica = context.Platform.GatewayInstances[^1];
        await StopReplicaAsync(context, replica);
        await Task.Delay(Outage);
        var started = await context.Platform.StartGatewayReplicaAsync(replica);
        context.Log($"{replica} answering again in {started.TotalSeconds:F1} s");
    }

    private static async Task RestartAsync(SuiteContext context, string resource)
    {
        var stopped = await context.Platform.Faults.StopAsync(resource);
        context.Log($"{resource} stopped in {stopped.TotalSeconds:F1} s");
        await Task.Delay(Outage);
        var started = await context.Platform.Faults.StartAsync(resource);
        context.Log($"{resource} running and healthy again in {started.TotalSeconds:F1} s");
    }

    /// <summary>Stops one replica and checks that it stopped gracefully, so its queued usage events were written or spilled.</summary>
    private static async Task StopReplicaAsync(SuiteContext context, string replica)
    {
        var logs = context.Platform.Logs;
        var before = logs.Count(replica, GracefulStopLine);
        var stopped = await context.Platform.Faults.StopAsync(replica);
        context.Log($"{replica} stopped in {stopped.TotalSeconds:F1} s");
        context.Report.Check(await logs.WaitForAsync(replica, GracefulStopLine, before, TimeSpan.FromSeconds(5)), context.Phase,
            $"{replica} did not log '{GracefulStopLine}': it was killed, not stopped, and what it had queued may be lost");
    }

    private static async Task<bool> WaitUntilGoneAsync(IReadOnlyList<string> paths, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (paths.Any(File.Exists))
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        return true;
    }
}
