using System.Globalization;
using NhiPlatform.LocalHost.Cli;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Network;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>
/// The services to start, in the AppHost's order (tokens, inventory, echo, gateway), each with its port chosen up
/// front: the gateway needs every other address, and the issuer is the gateway's URL.
/// </summary>
internal sealed record TopologyPlan
{
    public required PlannedService Tokens { get; init; }

    public required PlannedService Inventory { get; init; }

    public required PlannedService Echo { get; init; }

    public required PlannedService Billing { get; init; }

    /// <summary>Registers the orders identity (all demo identities with <c>--demo</c>) once the gateway is up.</summary>
    public required PlannedService SampleSeed { get; init; }

    public required PlannedService Orders { get; init; }

    /// <summary>The demo traffic, with <c>--demo</c> only.</summary>
    public PlannedService? DemoTraffic { get; init; }

    public required string SamplesCredentialsDirectory { get; init; }

    /// <summary>Where gateways spill usage events while Redis is unavailable (shared by the replicas).</summary>
    public required string UsageSpillDirectory { get; init; }

    /// <summary>Every gateway replica; the first is the public one.</summary>
    public required IReadOnlyList<PlannedService> Gateways { get; init; }

    public required string BootstrapFile { get; init; }

    /// <summary>The issuer (<c>iss</c>): the gateway's public base URL.</summary>
    public string Issuer => Gateways[0].Url;

    /// <summary>In start order: the platform, then the samples (as the AppHost declares them).</summary>
    public IEnumerable<PlannedService> Services =>
        [Tokens, Inventory, Echo, Billing, .. Gateways, SampleSeed, Orders, .. DemoTraffic is null ? Array.Empty<PlannedService>() : [DemoTraffic]];

    /// <summary>Chooses ports and checks that every assembly is built; throws <see cref="LocalHostException"/> otherwise.</summary>
    public static TopologyPlan Create(LocalHostOptions options, LocalRunPaths paths)
    {
        var root = paths.RepositoryRoot;
        PlannedService Plan(ServiceProject project, string name, int port, params string[] dependsOn) => new()
        {
            Name = name,
            Project = project,
            Port = port,
            AssemblyPath = RequireBuilt(project.AssemblyPath(root, options.Configuration), options.Configuration),
            DependsOn = dependsOn,
        };

        var tokens = Plan(ServiceProject.Tokens, ServiceProject.Tokens.Resource, LoopbackPorts.GetFreePort());
        var inventory = Plan(
            ServiceProject.Inventory, ServiceProject.Inventory.Resource, LoopbackPorts.GetFreePort(), tokens.Name);
        var echo = Plan(ServiceProject.Echo, ServiceProject.Echo.Resource, LoopbackPorts.GetFreePort());
        var billing = Plan(ServiceProject.Billing, ServiceProject.Billing.Resource, LoopbackPorts.GetFreePort());
        var gatewayPort = ChooseGatewayPort(options.GatewayPort);
        var gateways = Enumerable.Range(1, options.GatewayReplicas)
            .Select(replica => Plan(
                ServiceProject.Gateway,
                replica == 1 ? ServiceProject.Gateway.Resource : string.Create(CultureInfo.InvariantCulture, $"{ServiceProject.Gateway.Resource}-{replica}"),
                replica == 1 ? gatewayPort : LoopbackPorts.GetFreePort(),
                tokens.Name, inventory.Name, echo.Name, billing.Name))
            .ToList();
        var seed = Plan(ServiceProject.DemoTraffic, "samples-seed", 0, gateways[0].Name) with
        {
            Arguments = options.Demo ? ["seed", "--all"] : ["seed"],
            RunsToCompletion = true,
        };
        var orders = Plan(ServiceProject.Orders, ServiceProject.Orders.Resource, LoopbackPorts.GetFreePort(), seed.Name);
        var traffic = options.Demo
            ? Plan(ServiceProject.DemoTraffic, ServiceProject.DemoTraffic.Resource, LoopbackPorts.GetFreePort(), orders.Name)
            : null;
        return new TopologyPlan
        {
            Tokens = tokens,
            Inventory = inventory,
            Echo = echo,
            Billing = billing,
            SampleSeed = seed,
            Orders = orders,
            DemoTraffic = traffic,
            SamplesCredentialsDirectory = paths.SamplesCredentialsDirectory,
            UsageSpillDirectory = Path.Combine(paths.DataDirectory, "usage-spill"),
            Gateways = gateways,
            BootstrapFile = paths.BootstrapFile,
        };
    }

    private static int ChooseGatewayPort(int? requested)
    {
        switch (requested)
        {
            case null when LoopbackPorts.IsFree(LocalHostOptions.DefaultGatewayPort):
                LoopbackPorts.Claim(LocalHostOptions.DefaultGatewayPort);
                return LocalHostOptions.DefaultGatewayPort;
            case null or 0:
                return LoopbackPorts.GetFreePort();
            case { } port when LoopbackPorts.IsFree(port):
                LoopbackPorts.Claim(port);
                return port;
            case { } port:
                throw new LocalHostException(
                    $"--gateway-port {port}: 127.0.0.1:{port} is in use. Choose another port, or 0 for a free one.");
        }
    }

    private static string RequireBuilt(string assemblyPath, string configuration) =>
        File.Exists(assemblyPath)
            ? assemblyPath
            : throw new LocalHostException(
                $"{assemblyPath} is missing ({configuration} build): build first: ./run.sh builds " +
                $"(or dotnet build NhiPlatform.Offline.slnf -c {configuration}).");
}
