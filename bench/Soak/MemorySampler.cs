using System.Collections.Concurrent;
using System.Diagnostics;

namespace NhiPlatform.Soak;

/// <summary>Every few seconds, each service's resident memory.</summary>
internal sealed class MemorySampler(IReadOnlyList<ServiceProcess> services, TimeSpan interval)
{
    public ConcurrentQueue<MemorySample> Samples { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var service in services)
            {
                Samples.Enqueue(new MemorySample(service.Name, clock.Elapsed, service.ResidentBytes()));
            }
        }
        while (await NextAsync(timer, stop));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>A service's resident memory at a moment of the soak; null when the process was gone.</summary>
internal sealed record MemorySample(string Service, TimeSpan At, long? ResidentBytes);
