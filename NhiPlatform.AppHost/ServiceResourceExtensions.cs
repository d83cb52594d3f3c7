using NhiPlatform.AppHost.ProjectLaunch;
using NhiPlatform.AppHost.RunState;
using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost;

/// <summary>The AppHost's longer set-up steps for the services, one named method each, so <c>Program.cs</c> stays the diagram.</summary>
internal static class ServiceResourceExtensions
{
    /// <summary>
    /// An <c>http</c> endpoint and the <c>/health</c> check that <c>WaitFor</c> uses. When run, the service binds its
    /// port itself (no orchestrator proxy on the hot path between gateway and services).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceEndpoint(this IResourceBuilder<ProjectResource> service, int? port = null)
    {
        if (service.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            var chosen = port ?? LoopbackPorts.GetFreePort();
            service.WithHttpEndpoint(port: chosen, targetPort: chosen, isProxied: false);
        }
        else
        {
            service.WithHttpEndpoint();
        }

        return service.WithInstanceHealthCheck(ServiceHealthPath);
    }

    /// <summary>
    /// The one public entry point, on the run's gateway port. Several replicas share that port through the
    /// orchestrator's proxy; one replica binds it itself.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayEndpoint(this IResourceBuilder<ProjectResource> gateway, RunSettings run)
    {
        if (gateway.ApplicationBuilder.ExecutionContext.IsRunMode && run.GatewayReplicas > 1)
        {
            gateway.WithHttpEndpoint(port: run.ChooseGatewayPort()).WithReplicas(run.GatewayReplicas).WithInstanceHealthCheck(ServiceHealthPath);
        }
        else
        {
            gateway.WithServiceEndpoint(gateway.ApplicationBuilder.ExecutionContext.IsRunMode ? run.ChooseGatewayPort() : null);
        }

        foreach (var (name, value) in NhiProcessEnvironment.Gateway)
        {
            gateway.WithEnvironment(name, value);
        }

        return gateway.WithExternalHttpEndpoints();
    }

    /// <summary>Sets <c>Nhi:Issuer</c> to the gateway's <c>http</c> endpoint, its public base URL.</summary>
    public static IResourceBuilder<ProjectResource> WithIssuer(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ProjectResource> gateway) =>
        service.WithEnvironment(Variable(NhiConfigurationKeys.Issuer), gateway.GetEndpoint("http"));

    /// <summary>
    /// The gateway is the proxy whose <c>X-Forwarded-For</c> the token service believes (its failed-authentication
    /// limits count the caller's real address). Run mode: the gateway reaches it from loopback. Published: the
    /// deployment names the gateway's network (<c>Nhi__TrustedProxies__0</c>); until then the peer is the source.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayAsTrustedProxy(this IResourceBuilder<ProjectResource> tokens) =>
        tokens.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? tokens
            : tokens.WithEnvironment(Variable(NhiConfigurationKeys.TrustedProxies + ":0"), "127.0.0.1")
                .WithEnvironment(Variable(NhiConfigurationKeys.TrustedProxies + ":1"), "::1");

    /// <summary>
    /// Federated credentials may trust an http issuer on loopback when run (a local test issuer, a kind cluster's API
    /// server behind a port-forward); published, issuers must be https, the token service's default.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLoopbackHttpIssuers(this IResourceBuilder<ProjectResource> tokens) =>
        tokens.ApplicationBuilder.ExecutionContext.IsRunMode
            ? tokens.WithEnvironment(Variable(NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers), "true")
            : tokens;

    /// <summary>
    /// Where the token service writes the first admin identity (mode 600) on first start, and where the tooling reads
    /// it. Only when run: a published deployment has no repository directory to write into.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBootstrapCredentialsFile(this IResourceBuilder<ProjectResource> service, RunSettings run) =>
        service.ApplicationBuilder.ExecutionContext.IsRunMode
            ? service.WithEnvironment(Variable(NhiConfigurationKeys.BootstrapCredentialsFile), run.BootstrapFile)
            : service;

    /// <summary>
    /// The key-encryption key of the token service's key ring: a generated secret parameter, kept in the AppHost's user
    /// secrets when run and an input of the deployment's secret store when published; never in PostgreSQL.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKeyEncryptionKey(this IResourceBuilder<ProjectResource> tokens)
    {
        var builder = tokens.ApplicationBuilder;
        var key = builder.AddParameter(
            $"{tokens.Resource.Name}-key-encryption-key", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
        tokens.WithEnvironment(Variable(NhiConfigurationKeys.KeyEncryptionKey), key);

        // During a rotation (README, "Keys at rest") the key being replaced still decrypts until one start re-encrypts.
        var previousName = $"{tokens.Resource.Name}-previous-key-encryption-key";
        if (!string.IsNullOrEmpty(builder.Configuration[$"Parameters:{previousName}"]))
        {
            tokens.WithEnvironment(Variable(NhiConfigurationKeys.PreviousKeyEncryptionKey), builder.AddParameter(previousName, secret: true));
        }

        return tokens;
    }

    /// <summary>Where the gateway replicas spill usage events while Redis is away: kept with the data, across restarts.</summary>
    public static IResourceBuilder<ProjectResource> WithUsageSpillDirectory(this IResourceBuilder<ProjectResource> gateway, RunSettings run) =>
        gateway.ApplicationBuilder.ExecutionContext.IsRunMode
            ? gateway.WithEnvironment(Variable($"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory"), Path.Combine(run.DataDirectory, "usage-spill"))
            : gateway;

    /// <summary>With the demo: finding windows of seconds instead of days, so its findings open within a minute.</summary>
    public static IResourceBuilder<ProjectResource> WithDemoFindingWindows(this IResourceBuilder<ProjectResource> inventory, RunSettings run)
    {
        if (run.Demo)
        {
            foreach (var (key, value) in DemoFindingWindows.Settings)
            {
                inventory.WithEnvironment(Variable(key), value);
            }
        }

        return inventory;
    }

    /// <summary>The orders sample's credentials file, written by the seeding step (mode 600).</summary>
    public static IResourceBuilder<ProjectResource> WithSampleCredentialsFile(this IResourceBuilder<ProjectResource> orders, RunSettings run) =>
        orders.WithEnvironment(Variable(NhiConfigurationKeys.SampleCredentialsFile), Path.Combine(run.SamplesDirectory, NhiResources.Orders + ".json"));

    /// <summary>
    /// The one-shot step that registers the samples' identities (every demo identity with the demo) through the
    /// gateway's admin API, as the bootstrap admin, and writes their credentials files.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSampleSeed(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, RunSettings run) =>
        builder.AddProject<Projects.NhiPlatform_Samples_DemoTraffic>("samples-seed")
            .WithArgs(run.Demo ? ["seed", "--all"] : ["seed"])
            .WithIssuer(gateway)
            .WithSamplesDirectory(run)
            .WaitFor(gateway);

    /// <summary>The demo's traffic: its identities calling through the gateway, as their credentials files say.</summary>
    public static IResourceBuilder<ProjectResource> AddDemoTraffic(
        this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway, RunSettings run) =>
        builder.AddProject<Projects.NhiPlatform_Samples_DemoTraffic>(NhiResources.DemoTraffic)
            .WithServiceEndpoint()
            .WithIssuer(gateway)
            .WithSamplesDirectory(run);

    private const string ServiceHealthPath = "/health";

    private static IResourceBuilder<ProjectResource> WithSamplesDirectory(this IResourceBuilder<ProjectResource> sample, RunSettings run) =>
        sample
            .WithEnvironment(Variable(NhiConfigurationKeys.BootstrapCredentialsFile), run.BootstrapFile)
            .WithEnvironment(Variable(NhiConfigurationKeys.DemoCredentialsDirectory), run.SamplesDirectory);

    private static string Variable(string key) => NhiConfigurationKeys.ToEnvironmentVariable(key);
}
