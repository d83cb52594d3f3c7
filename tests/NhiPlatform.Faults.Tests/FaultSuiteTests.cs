using System.Diagnostics;
using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Checks;
using NhiPlatform.Faults.Tests.Load;
using NhiPlatform.Faults.Tests.Phases;
using NhiPlatform.Faults.Tests.Platform;
using Xunit.Abstractions;

namespace NhiPlatform.Faults.Tests;

/// <summary>
/// Steady load through the gateway's two replicas while, in turn, PostgreSQL, Redis, the inventory, the token service and
/// one replica restart (Aspire's resource commands on the real AppHost), the signing key and a client credential rotate,
/// a token is revoked and an identity disabled (Phases/). Afterwards the inventory's ledger holds exactly one row per
/// answered request, per status, and nothing else; no event id twice; no unexpected status or 5xx; no usage event
/// dropped; no secret or token in any resource's console log.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FaultSuiteTests(FaultPlatformFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task SteadyLoad_ThroughRestartsRotationsAndRevocations_LedgerMatchesEveryAnsweredRequest()
    {
        var settings = FaultSuiteSettings.FromEnvironment();
        var clock = Stopwatch.StartNew();
        await using var platform = await FaultPlatform.StartAsync(fixture.Platform, CancellationToken.None);
        // The ledger's rows from here on are the suite's: the samples' identities were seeded through the gateway before.
        var since = DateTimeOffset.UtcNow;
        var phases = new PhaseClock();
        var journal = new RequestJournal();
        using var clients = new GatewayClients(platform, journal, phases);
        var secrets = new IssuedSecrets();
        var admin = new PlatformAdmin(clients.Proxy.Http, platform.Host.BootstrapFile, secrets);
        await admin.RememberBootstrapAsync();
        var context = await CreateContextAsync(platform, clients, admin, phases, settings);
        output.WriteLine($"gateway {platform.Gateway}, replicas {string.Join(", ", platform.GatewayInstances.Select(i => $"{i} at {platform.ReplicaAddress(i)}"))}; {settings}");

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
            await RestoreAsync(platform);
        }

        output.WriteLine($"load stopped at {clock.Elapsed.TotalSeconds:F1} s; {generator.Retried} request(s) sent again after no answer");
        var comparison = await LedgerCatchUp.WaitAsync(platform, since, journal, context.Report, output);
        output.WriteLine($"ledger compared at {clock.Elapsed.TotalSeconds:F1} s: {comparison.Summary}");
        var usage = GatewayUsageLog.Count(platform.Logs.Of(NhiResources.Gateway));
        output.WriteLine($"gateway usage, from their logs: {usage}");
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

        LoadChecks.Judge(journal, settings, report);
        foreach (var problem in comparison.Problems)
        {
            report.Problem("ledger", problem);
        }

        report.Check(usage.Dropped == 0, "gateways", $"usage events dropped: {usage}");
        // The redis-restart phase makes both replicas spill: a log read that saw no replay would prove nothing about drops.
        report.Check(usage.Replayed > 0, "gateways", $"no replay of spilled usage events in the gateways' logs ({usage}): the dropped count read nothing");
        var logLines = platform.Logs.Lines;
        foreach (var service in new[] { NhiResources.Tokens, NhiResources.Inventory, NhiResources.Gateway, NhiResources.Postgres, NhiResources.Cache })
        {
            report.Check(logLines.Any(line => line.Resource == service), "logs", $"no console line of '{service}' was captured: the scan would prove nothing");
        }

        foreach (var leak in LogScan.FindLeaks(logLines.Select(line => $"{line.Instance}: {line.Text}"), secrets).Take(20))
        {
            report.Problem("logs", leak);
        }

        output.WriteLine($"{logLines.Count} console lines of {logLines.Select(l => l.Instance).Distinct().Count()} resource instances scanned for {secrets.Values.Count} secret values; suite took {clock.Elapsed.TotalSeconds:F1} s");
        context.Measure("requests answered", $"{journal.Requests.Count(r => r.Answered)}");
        context.Measure("requests unanswered while a replica stopped", $"{journal.Requests.Count(r => !r.Answered)}");
        context.Measure("ledger rows missing", $"{comparison.Missing}");
        context.Measure("ledger duplicate event ids", $"{comparison.Duplicates}");
        context.Measure("usage events replayed / dropped", $"{usage.Replayed} / {usage.Dropped}");
        context.Measure("problems", $"{report.Problems.Count}");
        context.Measure("suite seconds", $"{clock.Elapsed.TotalSeconds:F0}");
        Assert.True(report.Problems.Count == 0, $"Per-status ledger: {comparison.Summary}{Environment.NewLine}{report}");
    }

    private static async Task RunAsync(SuiteContext context, SuitePhase phase)
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

    private async Task<SuiteContext> CreateContextAsync(
        FaultPlatform platform, GatewayClients clients, PlatformAdmin admin, PhaseClock phases, FaultSuiteSettings settings)
    {
        const string echo = "echo.read";
        async Task<SuiteIdentity> RegisterAsync(string name, string scope)
        {
            var (clientId, secret) = await admin.RegisterAsync(name, scope);
            return new SuiteIdentity(clientId, secret, scope);
        }

        var worker = await RegisterAsync("faults worker", echo);
        var wrongScope = await RegisterAsync("faults wrong scope", NhiScopes.Read);
        var context = new SuiteContext(platform, clients, admin, new LoadCredentials("", ""), phases, settings, new SuiteReport(), output)
        {
            Worker = worker,
            WrongScope = wrongScope,
            Revoked = await RegisterAsync("faults revoked", echo),
            Disabled = await RegisterAsync("faults disabled", echo),
        };
        await context.RenewLoadTokensAsync();
        return context;
    }

    /// <summary>Whatever a failed phase left stopped is started again, so the ledger can still be compared.</summary>
    private async Task RestoreAsync(FaultPlatform platform)
    {
        foreach (var instance in new[] { NhiResources.Postgres, NhiResources.Cache, NhiResources.Tokens, NhiResources.Inventory }
                     .SelectMany(platform.Resources.Instances).Concat(platform.GatewayInstances))
        {
            if (!platform.Faults.IsRunning(instance))
            {
                output.WriteLine($"restoring {instance}, left {platform.Resources.Describe(instance)}");
                await (platform.GatewayInstances.Contains(instance) ? platform.StartGatewayReplicaAsync(instance) : platform.Faults.StartAsync(instance));
            }
        }
    }
}
