using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.Faults.Tests.Topology;

/// <summary>The configuration each service gets, with the keys the hosts set (Contracts): one place for the whole topology.</summary>
internal static class TopologySettings
{
    public const string Issuer = "https://gateway.test";

    public static Dictionary<string, string?> Tokens(TestEnvironment environment, string bootstrapFile) => new()
    {
        [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
        [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
        [NhiConfigurationKeys.Issuer] = Issuer,
        [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile,
    };

    public static Dictionary<string, string?> Inventory(TestEnvironment environment, Uri tokens) => new()
    {
        [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
        [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
        [NhiConfigurationKeys.Issuer] = Issuer,
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = Endpoint(tokens),
        // Pub/sub channels are global to the Redis server: this inventory's live updates get a channel of their own.
        [$"{NhiConfigurationKeys.InventorySection}:Live:Channel"] = $"nhi:inventory:changes:{Guid.NewGuid():N}",
    };

    /// <summary>
    /// A gateway replica. Each has its own spill directory, kept across its restarts, so what it spilled before a stop is
    /// replayed by the process that replaces it.
    /// </summary>
    public static Dictionary<string, string?> Gateway(TestEnvironment environment, Uri tokens, Uri inventory, Uri echo, string spillDirectory) => new()
    {
        [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
        [NhiConfigurationKeys.Issuer] = Issuer,
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = Endpoint(tokens),
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Inventory)] = Endpoint(inventory),
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo)] = Endpoint(echo),
        // No sample services here: a closed port, so their routes load but are never called.
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Orders)] = "http://127.0.0.1:9",
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Billing)] = "http://127.0.0.1:9",
        [$"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory"] = spillDirectory,
    };

    private static string Endpoint(Uri address) => address.ToString().TrimEnd('/');
}
