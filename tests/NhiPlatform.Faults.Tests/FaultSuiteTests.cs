using System.Diagnostics;
using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Checks;
using NhiPlatform.Faults.Tests.Load;
using NhiPlatform.Faults.Tests.Phases;
using NhiPlatform.Faults.Tests.Platform;
using NhiPlatform.Faults.Tests.Topology;
using NhiPlatform.Testing;
using Xunit.Abstractions;

namespace NhiPlatform.Faults.Tests;

/// <summary>
/// Steady load through two gateway replicas while, in turn, PostgreSQL, Redis, the inventory, the token service and one
/// replica restart, the signing key and a client credential rotate, a token is revoked and an identity disabled
/// (Phases/). Afterwards the inventory's ledger holds exactly one row per answered request, per status, and nothing
/// else; no event id twice; no unexpected status or 5xx; no usage event dropped; no secret or token in any log line.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FaultSuiteTests(LocalServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task SteadyLoad_ThroughRestartsRotationsAndRevocations_LedgerMatchesEveryAnsweredRequest()
    {
        var settings = FaultSuiteSettings.FromEnvironment();
        var clock = Stopwatch.StartNew();
        using var counters = new GatewayUsageCounters();
        await using var topology = await FaultTopology.StartAsync(servers, CancellationToken.None);
        var phases = new PhaseClock();
        var journal = new RequestJournal();
        using var clients = new GatewayClients(topology.Gateways.Select(g => (g.Name, g.BaseAddress)), journal, phases);
        var secrets = new IssuedSecrets();
        var admin = new PlatformAdmin(clients.Replicas[0].Http, topology.BootstrapFile, secrets);
        await admin.RememberBootstrapAsync();
        var context = await CreateContextAsync(topology, clients, admin, phases, settings, counters);
        output.WriteLine($"topology up in {clock.Elapsed.TotalSeconds:F1} s; {settings}");

        var generator = new LoadGenerator(clients, context.Load, phases, settings);
        generator.Start();
        try
        {
            foreach (var phase in SuitePhase.All)
            {
                await RunAsync(context, phase);
            }
        }
        finally
        {
            phases.Enter("drain");
            await generator.StopAsync();
            await RestoreServersAsync(topology);
        }

        output.WriteLine($"load stopped at {clock.Elapsed.TotalSeconds:F1} s; {generator.Retried} request(s) sent again to the other replica");
        var comparison = await LedgerCatchUp.WaitAsync(topology, journal, context.Report, output);
        output.WriteLine($"ledger compared at {clock.Elapsed.TotalSeconds:F1} s: {comparison.Summary}");
        output.WriteLine($"gateway usage counters: {counters}");
        foreach (var phase in journal.Requests.GroupBy(r => r.Phase))
        {
            output.WriteLine($"  {phase.Key}: " + string.Join(", ", phase.GroupBy(r => r.Status?.ToString() ?? "unanswered").OrderBy(g => g.Key)
                .Select(g => $"{g.Key} x{g.Count()}")));
        }

        var report = context.Report;
        foreach (var failure in generator.Failures)
        {
            report.Problem("load", failure);
        }

        LoadChecks.Judge(journal, topology.Gateways[^1].Name, settings, report);
        foreach (var problem in comparison.Problems)
        {
            report.Problem("ledger", problem);
        }

        report.Check(counters.Total(GatewayUsageCounters.Dropped) == 0, "gateways", $"usage events dropped: {counters}");
        var logLines = topology.Logs.Entries.ToList();
        report.Check(logLines.Count > 0, "logs", "no log line was captured: the scan would prove nothing");
        foreach (var leak in LogScan.FindLeaks(logLines, secrets).Take(20))
        {
            report.Problem("logs", leak);
        }

        output.WriteLine($"{logLines.Count} log lines scanned for {secrets.Values.Count} secret values; suite took {clock.Elapsed.TotalSeconds:F1} s");
        context.Measure("requests answered", $"{journal.Requests.Count(r => r.Answered)}");
        context.Measure("requests unanswered while a replica restarted", $"{journal.Requests.Count(r => !r.Answered)}");
        context.Measure("ledger rows missing", $"{comparison.Missing}");
        context.Measure("ledger duplicate event ids", $"{comparison.Duplicates}");
        context.Measure("usage events spilled / replayed / dropped",
            $"{counters.Total(GatewayUsageCounters.Spilled)} / {counters.Total(GatewayUsageCounters.Replayed)} / {counters.Total(GatewayUsageCounters.Dropped)}");
        context.Measure("problems", $"{report.Problems.Count}");
        context.Measure("suite seconds", $"{clock.Elapsed.TotalSeconds:F0}");
        Assert.True(report.Problems.Count == 0, $"Per-status ledger: {comparison.Summary}{Environment.NewLine}{report}");
    }

    private async Task RunAsync(SuiteContext context, SuitePhase phase)
    {
        context.Clock.Enter(phase.Name);
        var half = context.Settings.PhaseDuration / 2;
        await Task.Delay(half);
        if (phase.Fault is not null)
        {
            var fault = Stopwatch.StartNew();
            try
            {
                await phase.Fault(context);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"phase '{phase.Name}' failed: {exception.Message}", exception);
            }

            context.Log($"fault done in {fault.Elapsed.TotalSeconds:F1} s");
        }

        await Task.Delay(half);
    }

    private async Task<SuiteContext> CreateContextAsync(FaultTopology topology, GatewayClients clients, PlatformAdmin admin, PhaseClock phases,
        FaultSuiteSettings settings, GatewayUsageCounters counters)
    {
        const string echo = "echo.read";
        async Task<SuiteIdentity> RegisterAsync(string name, string scope)
        {
            var (clientId, secret) = await admin.RegisterAsync(name, scope);
            return new SuiteIdentity(clientId, secret, scope);
        }

        var worker = await RegisterAsync("faults worker", echo);
        var wrongScope = await RegisterAsync("faults wrong scope", NhiScopes.Read);
        var context = new SuiteContext(servers, topology, clients, admin, new LoadCredentials("", ""), phases, settings, counters, new SuiteReport(), output)
        {
            Worker = worker,
            WrongScope = wrongScope,
            Revoked = await RegisterAsync("faults revoked", echo),
            Disabled = await RegisterAsync("faults disabled", echo),
        };
        await context.RenewLoadTokensAsync();
        return context;
    }

    /// <summary>Whatever a failed phase left stopped is started again, so the ledger can still be compared and the fixture disposed.</summary>
    private async Task RestoreServersAsync(FaultTopology topology)
    {
        if (!servers.IsPostgresRunning)
        {
            await servers.StartPostgresAsync(CancellationToken.None);
        }

        if (!servers.IsRedisRunning)
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }

        if (!topology.Tokens.IsRunning)
        {
            await topology.Tokens.StartAsync();
        }

        if (!topology.Inventory.IsRunning)
        {
            await topology.Inventory.StartAsync();
        }

        foreach (var gateway in topology.Gateways.Where(g => !g.IsRunning))
        {
            await gateway.StartAsync();
        }
    }
}
