using System.Collections.Concurrent;
using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Platform;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>
/// The journaling clients the suite sends through: the gateway's public address (the orchestrator's proxy in front of
/// the replicas) for the load and the operator's calls, and each replica directly for what must hold at every replica.
/// </summary>
internal sealed class GatewayClients(FaultPlatform platform, RequestJournal journal, PhaseClock phases) : IDisposable
{
    private readonly ConcurrentDictionary<(string Instance, Uri Address), GatewayClient> _replicas = new();

    public GatewayClient Proxy { get; } = Create(NhiResources.Gateway, platform.Gateway, journal, phases);

    /// <summary>Each replica at its own address, as the orchestrator runs it now (a restarted replica may move).</summary>
    public IReadOnlyList<GatewayClient> Replicas() =>
    [
        .. platform.GatewayInstances.Select(instance =>
            _replicas.GetOrAdd((instance, platform.ReplicaAddress(instance)), key => Create(key.Instance, key.Address, journal, phases))),
    ];

    public void Dispose()
    {
        Proxy.Http.Dispose();
        foreach (var replica in _replicas.Values)
        {
            replica.Http.Dispose();
        }
    }

    private static GatewayClient Create(string name, Uri address, RequestJournal journal, PhaseClock phases) =>
        new(name, new HttpClient(new RecordingHandler(name, journal, phases)) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) });
}
