using NhiPlatform.Contracts;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>
/// The environment each service gets: what the Aspire AppHost would give it (connection strings, service discovery,
/// OpenTelemetry), with every configuration key formed from <see cref="NhiConfigurationKeys"/>.
/// </summary>
internal static class ServiceEnvironment
{
    public static IReadOnlyDictionary<string, string> For(
        PlannedService service, TopologyPlan plan, BackingConnections backing, string? otlpEndpoint)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = service.Url,
            [NhiConfigurationKeys.OtelServiceName] = service.Project.Resource,
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        if (!string.IsNullOrWhiteSpace(otlpEndpoint))
        {
            environment[NhiConfigurationKeys.OtlpEndpoint] = otlpEndpoint;
        }

        var resource = service.Project.Resource;
        if (resource is NhiResources.Tokens or NhiResources.Inventory)
        {
            Set(environment, NhiConfigurationKeys.ConnectionString(NhiResources.Database), backing.Database);
        }

        if (resource is NhiResources.Tokens or NhiResources.Inventory or NhiResources.Gateway)
        {
            Set(environment, NhiConfigurationKeys.ConnectionString(NhiResources.Cache), backing.Cache);
            Set(environment, NhiConfigurationKeys.Issuer, plan.Issuer);
        }

        if (resource is NhiResources.Inventory or NhiResources.Gateway)
        {
            Set(environment, NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens), plan.Tokens.Url);
        }

        switch (resource)
        {
            case NhiResources.Tokens:
                Set(environment, NhiConfigurationKeys.BootstrapCredentialsFile, plan.BootstrapFile);
                break;
            case NhiResources.Inventory when plan.DemoTraffic is not null:
                foreach (var (key, value) in DemoFindingWindows.Settings)
                {
                    Set(environment, key, value);
                }

                break;
            case NhiResources.Gateway:
                foreach (var (name, value) in NhiProcessEnvironment.Gateway)
                {
                    environment[name] = value;
                }

                Set(environment, NhiConfigurationKeys.ServiceEndpoint(NhiResources.Inventory), plan.Inventory.Url);
                Set(environment, NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo), plan.Echo.Url);
                Set(environment, NhiConfigurationKeys.ServiceEndpoint(NhiResources.Billing), plan.Billing.Url);
                Set(environment, NhiConfigurationKeys.ServiceEndpoint(NhiResources.Orders), plan.Orders.Url);
                // Usage events spilled while Redis is away survive a restart with the rest of the data.
                Set(environment, $"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory", plan.UsageSpillDirectory);
                break;
            case NhiResources.Orders:
                Set(environment, NhiConfigurationKeys.Issuer, plan.Issuer);
                Set(environment, NhiConfigurationKeys.SampleCredentialsFile,
                    Path.Combine(plan.SamplesCredentialsDirectory, NhiResources.Orders + ".json"));
                break;
            case NhiResources.DemoTraffic:
                Set(environment, NhiConfigurationKeys.Issuer, plan.Issuer);
                Set(environment, NhiConfigurationKeys.DemoCredentialsDirectory, plan.SamplesCredentialsDirectory);
                Set(environment, NhiConfigurationKeys.BootstrapCredentialsFile, plan.BootstrapFile);
                break;
        }

        return environment;
    }

    private static void Set(Dictionary<string, string> environment, string key, string value) =>
        environment[NhiConfigurationKeys.ToEnvironmentVariable(key)] = value;
}
