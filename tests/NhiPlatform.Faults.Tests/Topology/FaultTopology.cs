extern alias echo;
extern alias gateway;
extern alias inventory;
extern alias tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Logging;
using EchoProgram = echo::Program;
using GatewayProgram = gateway::Program;
using InventoryProgram = inventory::Program;
using TokensProgram = tokens::Program;

namespace NhiPlatform.Faults.Tests.Topology;

/// <summary>
/// Token service, echo sample, inventory and two gateway replicas, each on real Kestrel at a fixed loopback port (so a
/// restarted one comes back where the others look for it), on the collection's real PostgreSQL and Redis. Every log
/// line of every host goes to <see cref="Logs"/>.
/// </summary>
internal sealed class FaultTopology : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;

    private FaultTopology(TestEnvironment environment, TemporaryDirectory directory, CapturingLoggerProvider logs)
    {
        Environment = environment;
        _directory = directory;
        Logs = logs;
        BootstrapFile = Path.Combine(directory.Path, BootstrapCredentials.FileName);
        void Configure(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(logs);
        Tokens = new RestartableService<TokensProgram>("tokens", TopologySettings.Tokens(environment, BootstrapFile), Configure);
        Echo = new RestartableService<EchoProgram>("echo", new Dictionary<string, string?>(), Configure);
        Inventory = new RestartableService<InventoryProgram>("inventory", TopologySettings.Inventory(environment, Tokens.BaseAddress), Configure);
        Gateways =
        [
            Gateway("gateway-1", Configure),
            Gateway("gateway-2", Configure),
        ];
    }

    public TestEnvironment Environment { get; }

    public CapturingLoggerProvider Logs { get; }

    public string BootstrapFile { get; }

    public RestartableService<TokensProgram> Tokens { get; }

    public RestartableService<EchoProgram> Echo { get; }

    public RestartableService<InventoryProgram> Inventory { get; }

    public IReadOnlyList<RestartableService<GatewayProgram>> Gateways { get; }

    /// <summary>Each replica's spill directory (usage events waiting for Redis), kept across restarts.</summary>
    public IEnumerable<string> SpillDirectories => Gateways.Select(SpillDirectory);

    /// <summary>Spilled segments (closed, or left open by a process that died) waiting in a replica's directory.</summary>
    public int SpillSegments(RestartableService<GatewayProgram> gateway) =>
        Directory.Exists(SpillDirectory(gateway)) ? Directory.EnumerateFiles(SpillDirectory(gateway), "usage-*").Count() : 0;

    public static async Task<FaultTopology> StartAsync(LocalServersFixture servers, CancellationToken cancellationToken)
    {
        var environment = await servers.CreateEnvironmentAsync(cancellationToken);
        var directory = await TemporaryDirectory.CreateAsync("faults", cancellationToken);
        var topology = new FaultTopology(environment, directory, new CapturingLoggerProvider());
        try
        {
            // Dependencies first, as both hosts order them: tokens (keys), echo, inventory (ledger), then the gateways.
            await topology.Tokens.StartAsync();
            await topology.Echo.StartAsync();
            await topology.Inventory.StartAsync();
            await Task.WhenAll(topology.Gateways.Select(g => g.StartAsync()));
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.DisposeAsync();
        }

        await Inventory.DisposeAsync();
        await Echo.DisposeAsync();
        await Tokens.DisposeAsync();
        _directory.Dispose();
    }

    private string SpillDirectory(RestartableService<GatewayProgram> gateway) => SpillDirectory(gateway.Name);

    private string SpillDirectory(string gatewayName) => Path.Combine(_directory.Path, "spill-" + gatewayName);

    private RestartableService<GatewayProgram> Gateway(string name, Action<IServiceCollection> configure) =>
        new(name, TopologySettings.Gateway(Environment, Tokens.BaseAddress, Inventory.BaseAddress, Echo.BaseAddress, SpillDirectory(name)), configure);
}
