using System.Globalization;
using System.Text;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.LocalHost.LocalRun;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>The short table printed once everything is healthy.</summary>
internal static class StartupSummary
{
    public static string Format(TopologyPlan plan, EndpointsDocument endpoints, LocalRunPaths paths, TimeSpan elapsed)
    {
        var rows = new List<(string Name, string Url)>();
        rows.AddRange(plan.Gateways.Select(gateway => (gateway.Name, gateway.Url)));
        rows.Add((plan.Tokens.Name, plan.Tokens.Url));
        rows.Add((plan.Inventory.Name, plan.Inventory.Url));
        rows.Add((plan.Echo.Name, plan.Echo.Url));
        rows.Add((plan.Billing.Name, plan.Billing.Url));
        rows.Add((plan.Orders.Name, plan.Orders.Url));
        if (plan.DemoTraffic is { } traffic)
        {
            rows.Add((traffic.Name, "calling through the gateway as the demo identities"));
        }
        rows.Add(("postgres", endpoints.Postgres));
        rows.Add(("redis", endpoints.Redis));

        var width = rows.Max(row => row.Name.Length) + 2;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"NhiPlatform is running (healthy in {elapsed.TotalSeconds:0.0} s):");
        foreach (var (name, url) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}{url}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"operator page: {plan.Issuer}/ui/");
        text.AppendLine(CultureInfo.InvariantCulture, $"admin credentials: {paths.Display(paths.BootstrapFile)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"endpoints: {paths.Display(paths.EndpointsFile)}, logs: {paths.Display(paths.LogsDirectory)}/");
        text.Append("Ctrl+C stops everything.");
        return text.ToString();
    }
}
