using System.Globalization;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>What <c>endpoints.json</c> says about a running topology (no passwords).</summary>
internal static class EndpointsDocumentFactory
{
    public static EndpointsDocument Create(TopologyPlan plan, BackingConnections backing) => new()
    {
        Gateway = plan.Gateways[0].Url,
        Tokens = plan.Tokens.Url,
        Inventory = plan.Inventory.Url,
        Postgres = string.Create(
            CultureInfo.InvariantCulture, $"postgresql://127.0.0.1:{backing.PostgresPort}/{NhiResources.Database}"),
        Redis = string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{backing.RedisPort}"),
        GatewayReplicas = plan.Gateways.Select(gateway => gateway.Url).ToList(),
        Services = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NhiResources.Echo] = plan.Echo.Url,
            [NhiResources.Billing] = plan.Billing.Url,
            [NhiResources.Orders] = plan.Orders.Url,
        },
    };
}
