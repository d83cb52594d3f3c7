using System.Collections.Concurrent;
using NhiPlatform.Gateway.Routing;

namespace NhiPlatform.Gateway.RateLimiting;

/// <summary>
/// Fixed-window counters per (route, client id), in this replica's memory: O(1), no network on the request path.
/// Across N replicas behind a balancer an identity gets at most N × the limit; a shared (Redis) counter would put a
/// round trip on every request and make Redis an availability dependency of the hot path.
/// </summary>
internal sealed class IdentityRateLimiter : IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string RouteId, string ClientId), Window> _windows = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweeper;

    public IdentityRateLimiter(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweeper = timeProvider.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
    }

    public int TrackedCount => _windows.Count;

    /// <summary>True when the request may pass; otherwise when the caller may try again.</summary>
    public bool TryAcquire(string routeId, string clientId, RouteRateLimit limit, out TimeSpan retryAfter)
    {
        var now = _timeProvider.GetTimestamp();
        var window = _windows.GetOrAdd((routeId, clientId), static _ => new Window());
        lock (window)
        {
            var elapsed = window.Count == 0 ? limit.Window : _timeProvider.GetElapsedTime(window.Start, now);
            if (elapsed >= limit.Window)
            {
                window.Start = now;
                window.Count = 0;
                window.Length = limit.Window;
                elapsed = TimeSpan.Zero;
            }

            if (window.Count < limit.PermitLimit)
            {
                window.Count++;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = limit.Window - elapsed;
            return false;
        }
    }

    public void Dispose() => _sweeper.Dispose();

    /// <summary>Forgets windows that ended: an idle identity costs nothing after a minute.</summary>
    internal void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                if (_timeProvider.GetElapsedTime(window.Start, now) >= window.Length + SweepInterval)
                {
                    _windows.TryRemove(KeyValuePair.Create(key, window));
                }
            }
        }
    }

    private sealed class Window
    {
        public long Start;
        public int Count;
        public TimeSpan Length;
    }
}
