using System.Collections.Concurrent;
using System.Diagnostics;

namespace NhiPlatform.Soak;

/// <summary>
/// Sends the traffic mix at a steady rate (open loop: a slow answer does not slow the sender, up to a bound of
/// requests in flight) and counts, per kind, right answers, wrong answers and failures.
/// </summary>
internal sealed class SoakLoad(TrafficMix traffic, int requestsPerSecond)
{
    private const int MaxInFlight = 256;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    public async Task<LoadOutcome> RunAsync(CancellationToken stop)
    {
        var outcome = new LoadOutcome(traffic.Kinds);
        var random = new Random(20261123);
        var totalWeight = traffic.Kinds.Sum(k => k.Weight);
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var pending = new ConcurrentDictionary<Task, byte>();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        using var timer = new PeriodicTimer(Tick);
        while (!stop.IsCancellationRequested && await WaitAsync(timer, stop))
        {
            // Catch up to the rate the clock allows, so timer jitter does not lower it.
            var due = (long)(clock.Elapsed.TotalSeconds * requestsPerSecond);
            for (; sent < due; sent++)
            {
                if (!inFlight.Wait(0))
                {
                    outcome.Behind();
                    continue;
                }

                var kind = Pick(random.Next(totalWeight), totalWeight);
                var task = SendAsync(kind, sent, outcome, inFlight);
                pending.TryAdd(task, 0);
                _ = task.ContinueWith(t => pending.TryRemove(t, out _), TaskScheduler.Default);
            }
        }

        await Task.WhenAll(pending.Keys);
        outcome.Elapsed = clock.Elapsed;
        return outcome;
    }

    private RequestKind Pick(int roll, int totalWeight)
    {
        foreach (var kind in traffic.Kinds)
        {
            if ((roll -= kind.Weight) < 0)
            {
                return kind;
            }
        }

        throw new InvalidOperationException($"Roll beyond the total weight {totalWeight}.");
    }

    private static async Task SendAsync(RequestKind kind, long n, LoadOutcome outcome, SemaphoreSlim inFlight)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Not the soak's stop token: a request sent is always seen through, so nothing counts as lost at the end.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await kind.Send(n, timeout.Token);
            var right = kind.Expected.Contains(response.StatusCode);
            var excerpt = right ? null : (await response.Content.ReadAsStringAsync(timeout.Token)) is var body && body.Length > 300 ? body[..300] : body;
            outcome.Record(kind, (int)response.StatusCode, right, Stopwatch.GetElapsedTime(started), excerpt);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            outcome.Fail(kind, e);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
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
