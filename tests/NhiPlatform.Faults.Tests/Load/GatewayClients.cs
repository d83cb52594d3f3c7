namespace NhiPlatform.Faults.Tests.Load;

/// <summary>One journaling client per gateway replica; a client outlives its replica's restarts (same port).</summary>
internal sealed class GatewayClients : IDisposable
{
    public GatewayClients(IEnumerable<(string Name, Uri BaseAddress)> replicas, RequestJournal journal, PhaseClock phases)
    {
        Replicas = replicas
            .Select(r => new GatewayClient(r.Name, new HttpClient(new RecordingHandler(r.Name, journal, phases))
            {
                BaseAddress = r.BaseAddress,
                Timeout = TimeSpan.FromSeconds(15),
            }))
            .ToList();
    }

    public IReadOnlyList<GatewayClient> Replicas { get; }

    public void Dispose()
    {
        foreach (var replica in Replicas)
        {
            replica.Http.Dispose();
        }
    }
}
