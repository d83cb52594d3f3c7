using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// Once every service is healthy, writes <c>.nhi/endpoints.json</c> (the URLs scripts, the CLI and tests read) and
/// prints where everything is: gateway, operator page, dashboard, admin credentials. Removes the file on stop, so a
/// reader never takes a stopped platform's URLs for a running one.
/// </summary>
internal sealed class RunStateWriter(
    RunTopology topology, RunSettings run, ResourceNotificationService notifications, IConfiguration configuration,
    DistributedApplicationModel model, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        File.Delete(run.EndpointsFile);
        foreach (var name in topology.AwaitedResources)
        {
            await notifications.WaitForResourceHealthyAsync(name, stoppingToken);
        }

        var endpoints = topology.Describe(DashboardUrl);
        Directory.CreateDirectory(run.StateDirectory);
        var temporary = run.EndpointsFile + ".tmp";
        await File.WriteAllTextAsync(
            temporary, JsonSerializer.Serialize(endpoints, LocalRunJsonContext.Default.EndpointsDocument), stoppingToken);
        File.Move(temporary, run.EndpointsFile, overwrite: true);
        // From the AppHost's start, as an operator counts: orchestrator, dashboard and every service included.
        await Console.Out.WriteLineAsync(Banner(endpoints, time.GetUtcNow() - RunClock.Started));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        File.Delete(run.EndpointsFile);
    }

    /// <summary>Where the dashboard listens, when it runs (the orchestrator may have moved it from ASPNETCORE_URLS).</summary>
    private string? DashboardUrl => model.Resources.OfType<IResourceWithEndpoints>()
        .FirstOrDefault(resource => resource.Name == DashboardResourceName)?
        .GetEndpoints().FirstOrDefault(endpoint => endpoint.IsAllocated)?.Url;

    /// <summary>Aspire's name for its dashboard resource.</summary>
    private const string DashboardResourceName = "aspire-dashboard";

    private string Banner(EndpointsDocument endpoints, TimeSpan elapsed)
    {
        var rows = new List<(string Name, string Value)> { (NhiResources.Gateway, endpoints.Gateway) };
        rows.Add(("operator page", endpoints.Gateway + "/ui/"));
        if (endpoints.Dashboard is { } dashboard)
        {
            // The login link carries the dashboard's browser token, as Aspire prints it; endpoints.json does not.
            var token = configuration["AppHost:BrowserToken"];
            rows.Add(("dashboard", string.IsNullOrEmpty(token) ? dashboard : $"{dashboard}/login?t={token}"));
        }

        rows.Add((NhiResources.Tokens, endpoints.Tokens));
        rows.Add((NhiResources.Inventory, endpoints.Inventory));
        rows.AddRange(endpoints.Services.Select(service => (service.Key, service.Value)));
        rows.Add((NhiResources.Postgres, endpoints.Postgres));
        rows.Add(("redis", endpoints.Redis));
        rows.Add(("admin credentials", run.BootstrapFile));
        rows.Add(("endpoints", run.EndpointsFile));

        var width = rows.Max(row => row.Name.Length) + 2;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"NhiPlatform is running (healthy in {elapsed.TotalSeconds:0.0} s; Ctrl+C to stop)");
        foreach (var (name, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}{value}");
        }

        return text.ToString().TrimEnd();
    }
}
