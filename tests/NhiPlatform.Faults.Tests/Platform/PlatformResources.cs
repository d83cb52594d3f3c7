using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// The latest state Aspire reports for every resource instance (a replica is an instance of its resource): state,
/// process id and environment, so a fault can address one instance and wait, bounded, for what it expects of it.
/// </summary>
internal sealed class PlatformResources : IAsyncDisposable
{
    /// <summary>The snapshot property with an executable's process id (Aspire's KnownProperties, internal in 13.6).</summary>
    private const string ProcessIdProperty = "executable.pid";

    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new(StringComparer.Ordinal);
    private readonly ResourceNotificationService _notifications;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;

    public PlatformResources(ResourceNotificationService notifications)
    {
        _notifications = notifications;
        _watch = Task.Run(WatchAsync);
    }

    /// <summary>The instance ids of a resource (<c>gateway-abcdwxyz</c>, ...), in a stable order.</summary>
    public IReadOnlyList<string> Instances(string resourceName) =>
        [.. _latest.Values.Where(e => e.Resource.Name == resourceName).Select(e => e.ResourceId).Order(StringComparer.Ordinal)];

    /// <summary>The instance id of a resource with one instance (<c>postgres</c> runs as <c>postgres-abcdwxyz</c>), or the id itself.</summary>
    public string Resolve(string nameOrInstance) => _latest.ContainsKey(nameOrInstance)
        ? nameOrInstance
        : Instances(nameOrInstance) is [var only]
            ? only
            : throw new InvalidOperationException($"'{nameOrInstance}' is not one resource instance (known: {string.Join(", ", _latest.Keys)}).");

    public CustomResourceSnapshot Snapshot(string instance) => _latest.TryGetValue(instance, out var latest)
        ? latest.Snapshot
        : throw new InvalidOperationException($"Aspire reports no resource instance '{instance}' (known: {string.Join(", ", _latest.Keys)}).");

    public static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value is IConvertible pid ? pid.ToInt32(CultureInfo.InvariantCulture) : null;

    public string? Environment(string instance, string name) =>
        Snapshot(instance).EnvironmentVariables.FirstOrDefault(variable => variable.Name == name)?.Value;

    /// <summary>Waits until <paramref name="count"/> instances of the resource are known.</summary>
    public async Task<IReadOnlyList<string>> WaitForInstancesAsync(string resourceName, int count, TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (Instances(resourceName) is var instances && instances.Count < count)
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Aspire reported {instances.Count} instance(s) of '{resourceName}' within {timeout.TotalSeconds:0} s, not {count}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return Instances(resourceName);
    }

    /// <summary>Waits until the instance's state meets <paramref name="condition"/>; a timeout names the state it was left in.</summary>
    public async Task WaitAsync(string instance, Func<CustomResourceSnapshot, bool> condition, TimeSpan timeout, string expected)
    {
        var resourceName = _latest[instance].Resource.Name;
        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await _notifications.WaitForResourceAsync(resourceName, e => e.ResourceId == instance && condition(e.Snapshot), bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new TimeoutException($"{instance} did not {expected} within {timeout.TotalSeconds:0} s; it is {Describe(instance)}.");
        }
    }

    public string Describe(string instance)
    {
        var snapshot = Snapshot(instance);
        return $"'{snapshot.State?.Text ?? "unknown"}', health {snapshot.HealthStatus?.ToString() ?? "unknown"}, "
            + $"process {ProcessId(snapshot)?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watch;
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        try
        {
            // Replays every resource's current state first, then each change.
            await foreach (var update in _notifications.WatchAsync(_stop.Token))
            {
                _latest[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
