using NhiPlatform.LocalHost.Postgres;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.LocalHost.Redis;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>What has been started so far, and how to stop it: services first (together), then PostgreSQL and Redis.</summary>
internal sealed class RunningTopology(ChildProcessLauncher launcher)
{
    private static readonly TimeSpan ServiceStopGrace = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly List<(PlannedService Service, ChildProcess Process)> _services = [];

    public PostgresServer? Postgres { get; set; }

    public RedisServer? Redis { get; set; }

    public void Add(PlannedService service, ChildProcess process)
    {
        lock (_gate)
        {
            _services.Add((service, process));
        }
    }

    /// <summary>Waits for <paramref name="stopping"/>, reporting any service that exits on its own meanwhile.</summary>
    public async Task WatchAsync(Action<PlannedService, ChildProcess> exitedUnexpectedly, CancellationToken stopping)
    {
        var stopped = Task.Delay(Timeout.InfiniteTimeSpan, launcher.TimeProvider, stopping);
        var watched = Snapshot().ToDictionary(entry => entry.Process.Exited, entry => entry);
        while (true)
        {
            var first = await Task.WhenAny([stopped, .. watched.Keys]);
            if (first == stopped)
            {
                await stopped;
            }

            var (service, process) = watched[first];
            watched.Remove(first);
            exitedUnexpectedly(service, process);
        }
    }

    public async Task StopAsync()
    {
        await Task.WhenAll(Snapshot().Select(entry => launcher.StopAsync(entry.Process, ServiceStopGrace)));
        await Task.WhenAll(Postgres?.StopAsync() ?? Task.CompletedTask, Redis?.StopAsync() ?? Task.CompletedTask);
    }

    private List<(PlannedService Service, ChildProcess Process)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _services];
        }
    }
}
