using System.Diagnostics;
using NhiPlatform.Faults.Tests.Checks;

namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>
/// The restart faults, each under steady load: a dependency or a service goes away for a moment and comes back on the
/// same port with the same data. What must hold is checked at the end (the ledger) and by the load's expected statuses.
/// </summary>
internal static class RestartPhases
{
    /// <summary>Long enough that requests arrive while it is down, short enough to keep the suite bounded.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(1.5);

    /// <summary>The inventory must keep what it read (unacknowledged) and commit it once PostgreSQL is back.</summary>
    public static async Task PostgresAsync(SuiteContext context)
    {
        await context.Servers.StopPostgresAsync();
        await Task.Delay(Outage);
        await context.Servers.StartPostgresAsync(CancellationToken.None);
    }

    /// <summary>
    /// The gateways spill what Redis cannot take and replay it; the inventory's consumer resumes. One replica also stops
    /// during the outage: what it spilled stays on disk, and only its successor (same spill directory) can replay it.
    /// </summary>
    public static async Task RedisAsync(SuiteContext context)
    {
        var replica = context.Topology.Gateways[^1];
        var spilled = context.Counters.Total(GatewayUsageCounters.Spilled);
        await context.Servers.StopRedisAsync();
        await Task.Delay(Outage / 2);
        await replica.StopAsync();
        var segments = context.Topology.SpillSegments(replica);
        context.Log($"{replica.Name} stopped during the outage, leaving {segments} spill segment(s)");
        context.Report.Check(segments > 0, context.Phase, $"{replica.Name} stopped while Redis was down but left no spill segment to replay");
        await Task.Delay(Outage / 2);
        await context.Servers.StartRedisAsync(CancellationToken.None);
        await replica.StartAsync();
        // Proof the fault bit: requests answered while Redis was down had nowhere to go but the spill files.
        context.Report.Check(context.Counters.Total(GatewayUsageCounters.Spilled) > spilled, context.Phase,
            "no usage event was spilled while Redis was down: the outage did not reach the gateways");
    }

    /// <summary>Entries read but not acknowledged when it stopped are read again by the restarted consumer.</summary>
    public static async Task InventoryAsync(SuiteContext context)
    {
        await context.Topology.Inventory.StopAsync();
        await Task.Delay(Outage);
        await context.Topology.Inventory.StartAsync();
    }

    /// <summary>The gateways validate with cached keys meanwhile; the workers' cached tokens keep working; new tokens after it returns.</summary>
    public static async Task TokenServiceAsync(SuiteContext context)
    {
        await context.Topology.Tokens.StopAsync();
        await Task.Delay(Outage);
        await context.Topology.Tokens.StartAsync();
        await context.RenewLoadTokensAsync();
        context.Log("new tokens issued by the restarted token service");
    }

    /// <summary>Load goes to the other replica meanwhile; what the stopped one spilled is replayed by its successor.</summary>
    public static async Task GatewayReplicaAsync(SuiteContext context)
    {
        var replica = context.Topology.Gateways[^1];
        var clock = Stopwatch.StartNew();
        await replica.StopAsync();
        context.Log($"{replica.Name} stopped gracefully in {clock.ElapsedMilliseconds} ms");
        await Task.Delay(Outage);
        await replica.StartAsync();
    }
}
