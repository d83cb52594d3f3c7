using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// Every resource instance's console output (what the dashboard's console view shows), from Aspire's
/// <c>ResourceLoggerService</c>: from each process's first line, through every restart, until disposed.
/// </summary>
internal sealed class ResourceLogs : IAsyncDisposable
{
    private readonly ConcurrentQueue<ResourceLogLine> _lines = new();
    private readonly ConcurrentBag<Task> _pumps = [];
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceLoggerService _loggers;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public ResourceLogs(ResourceNotificationService notifications, ResourceLoggerService loggers)
    {
        _notifications = notifications;
        _loggers = loggers;
        _watch = Task.Run(WatchAsync);
    }

    public IReadOnlyList<ResourceLogLine> Lines => [.. _lines];

    /// <summary>The lines of every instance of a resource (all replicas of the gateway, say).</summary>
    public IEnumerable<string> Of(string resourceName) => _lines.Where(line => line.Resource == resourceName).Select(line => line.Text);

    public int Count(string instance, string text) => _lines.Count(line => line.Instance == instance && line.Text.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits, bounded, until the instance has logged <paramref name="text"/> more than <paramref name="before"/> times.</summary>
    public async Task<bool> WaitForAsync(string instance, string text, int before, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Count(instance, text) <= before)
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        await Task.WhenAll(_pumps);
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        var watched = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var update in _notifications.WatchAsync(_stop.Token))
            {
                if (watched.Add(update.ResourceId))
                {
                    var resource = update.Resource.Name;
                    var instance = update.ResourceId;
                    _pumps.Add(Task.Run(() => PumpAsync(resource, instance)));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>The orchestrator streams a process's log from its first line, and again from the first line of each restart.</summary>
    private async Task PumpAsync(string resource, string instance)
    {
        try
        {
            await foreach (var batch in _loggers.WatchAsync(instance).WithCancellation(_stop.Token))
            {
                foreach (var line in batch)
                {
                    _lines.Enqueue(new ResourceLogLine(resource, instance, line.Content));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
