using System.Net;
using System.Net.Sockets;
using NhiPlatform.LocalHost.Cli;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Topology;
using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests.Topology;

public sealed class TopologyPlanTests : IAsyncLifetime
{
    private TemporaryDirectory _repository = null!;
    private LocalRunPaths _paths = null!;

    public async Task InitializeAsync()
    {
        _repository = await TemporaryDirectory.CreateAsync("repo", CancellationToken.None);
        _paths = LocalRunPaths.Create(_repository.Path, stateDirectory: null, dataDirectory: null);
    }

    public Task DisposeAsync()
    {
        _repository.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Create_AssemblyMissing_SaysBuildFirst()
    {
        var error = Assert.Throws<LocalHostException>(() => TopologyPlan.Create(Options(gatewayPort: 0), _paths));

        Assert.Contains("NhiPlatform.TokenService.dll is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("build first: ./run.sh builds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ThreeReplicas_GivesDistinctPortsAndOneIssuer()
    {
        BuildFakeAssemblies();

        var plan = TopologyPlan.Create(Options(gatewayPort: 0, replicas: 3), _paths);

        Assert.Equal(["gateway", "gateway-2", "gateway-3"], plan.Gateways.Select(gateway => gateway.Name));
        var ports = plan.Services.Select(service => service.Port).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.Equal(plan.Gateways[0].Url, plan.Issuer);
        Assert.Equal(["tokens", "inventory", "echo", "billing"], plan.Gateways[2].DependsOn);
        Assert.Equal(["tokens"], plan.Inventory.DependsOn);
        Assert.Null(plan.DemoTraffic);
        Assert.Equal(["seed"], plan.SampleSeed.Arguments);
    }

    [Fact]
    public void Create_Demo_SeedsEveryDemoIdentityThenStartsTheTraffic()
    {
        BuildFakeAssemblies();

        var plan = TopologyPlan.Create(Options(gatewayPort: 0) with { Demo = true }, _paths);

        Assert.Equal(["seed", "--all"], plan.SampleSeed.Arguments);
        Assert.True(plan.SampleSeed.RunsToCompletion);
        Assert.Equal(["gateway"], plan.SampleSeed.DependsOn);
        Assert.Equal([plan.SampleSeed.Name], plan.Orders.DependsOn);
        Assert.Equal([plan.Orders.Name], plan.DemoTraffic?.DependsOn);
    }

    [Fact]
    public void Create_RequestedGatewayPortInUse_Fails()
    {
        BuildFakeAssemblies();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;

            var error = Assert.Throws<LocalHostException>(() => TopologyPlan.Create(Options(gatewayPort: port), _paths));

            Assert.Contains($"127.0.0.1:{port} is in use", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static LocalHostOptions Options(int? gatewayPort, int replicas = 1) =>
        new() { GatewayPort = gatewayPort, GatewayReplicas = replicas, Configuration = "Release" };

    private void BuildFakeAssemblies()
    {
        foreach (var project in new[]
        {
            ServiceProject.Tokens, ServiceProject.Inventory, ServiceProject.Echo, ServiceProject.Gateway,
            ServiceProject.Billing, ServiceProject.Orders, ServiceProject.DemoTraffic,
        })
        {
            var path = project.AssemblyPath(_repository.Path, "Release");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Empty);
        }
    }
}
