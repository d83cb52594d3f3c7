using System.Globalization;
using NhiPlatform.AppHost.LocalServers;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.AppHost.RunState;

/// <summary>The run-mode resources whose addresses <c>endpoints.json</c> publishes, and those the platform waits for.</summary>
internal sealed class RunTopology
{
    public required IResourceWithEndpoints Gateway { get; init; }
    public required IResourceWithEndpoints Tokens { get; init; }
    public required IResourceWithEndpoints Inventory { get; init; }
    public required IReadOnlyList<IResourceWithEndpoints> Samples { get; init; }
    public required IResourceWithConnectionString Database { get; init; }
    public required IResourceWithConnectionString Cache { get; init; }

    /// <summary>Healthy when the platform is: every service and sample.</summary>
    public IEnumerable<string> AwaitedResources => [Tokens.Name, Inventory.Name, Gateway.Name, .. Samples.Select(s => s.Name)];

    public EndpointsDocument Describe(string? dashboard)
    {
        var gateway = Url(Gateway);
        return new EndpointsDocument
        {
            Gateway = gateway,
            Tokens = Url(Tokens),
            Inventory = Url(Inventory),
            Postgres = Database is LocalPostgresResource postgres
                ? string.Create(CultureInfo.InvariantCulture, $"postgresql://127.0.0.1:{postgres.Endpoint.Port}/{postgres.DatabaseName}")
                : Database.Name,
            Redis = Cache is LocalRedisResource redis
                ? string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{redis.Endpoint.Port}")
                : Cache.Name,
            GatewayReplicas = [gateway],
            Services = Samples.ToDictionary(sample => sample.Name, Url, StringComparer.Ordinal),
            Dashboard = dashboard,
        };
    }

    private static string Url(IResourceWithEndpoints resource) => resource.GetEndpoint("http").Url;
}
