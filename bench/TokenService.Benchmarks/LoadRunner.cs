using System.Collections.Concurrent;
using System.Diagnostics;

namespace NhiPlatform.TokenService.Benchmarks;

/// <summary>Closed-loop load: <c>concurrency</c> workers send back to back for a fixed duration.</summary>
internal sealed class LoadRunner(int concurrency)
{
    public async Task<LoadResult> RunAsync(Func<CancellationToken, Task<bool>> send, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var latencies = new ConcurrentBag<double[]>();
        long succeeded = 0, failed = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await send(CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }

            latencies.Add([.. mine]);
        })).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(succeeded, failed, Stopwatch.GetElapsedTime(started), [.. latencies.SelectMany(l => l)]);
    }
}
