using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// A slow start says what it waits for: every 30 s until the banner, each awaited resource that is not healthy yet, with
/// its state and its failing health check's description. Subscribes before the orchestrator starts (the AppHost's
/// hosted services start only once Aspire's own start has returned, near the end of a start).
/// </summary>
internal static class StartupProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public static void ReportWhileStarting(IDistributedApplicationBuilder builder, RunTopology topology) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((start, cancellation) =>
        {
            var stopping = start.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = ReportAsync(start.Services.GetRequiredService<ResourceNotificationService>(), topology, TimeProvider.System, stopping);
            return Task.CompletedTask;
        });

    private static async Task ReportAsync(
        ResourceNotificationService notifications, RunTopology topology, TimeProvider time, CancellationToken stopping)
    {
        var latest = new ConcurrentDictionary<string, CustomResourceSnapshot>(StringComparer.Ordinal);
        using var started = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var watching = Task.Run(async () =>
        {
            await foreach (var update in notifications.WatchAsync(started.Token))
            {
                latest[update.Resource.Name] = update.Snapshot;
            }
        }, started.Token);
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, started.Token);
                var waiting = topology.AwaitedResources
                    .Where(name => !latest.TryGetValue(name, out var snapshot) || snapshot.HealthStatus is not HealthStatus.Healthy)
                    .Select(name => latest.TryGetValue(name, out var snapshot) ? $"{name} ({Describe(snapshot)})" : $"{name} (not created yet)")
                    .ToList();
                if (waiting.Count == 0)
                {
                    break;
                }

                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"NhiPlatform is still starting ({(time.GetUtcNow() - RunClock.Started).TotalSeconds:0} s), waiting for: {string.Join("; ", waiting)}"));
            }
        }
        catch (OperationCanceledException) when (started.IsCancellationRequested)
        {
        }
        finally
        {
            await started.CancelAsync();
            await watching.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static string Describe(CustomResourceSnapshot snapshot)
    {
        var failing = snapshot.HealthReports.FirstOrDefault(report => report.Status is not HealthStatus.Healthy)?.Description;
        return $"{snapshot.State?.Text ?? "no state"}, {snapshot.HealthStatus?.ToString() ?? "not checked"}{(failing is null ? "" : ": " + failing)}";
    }
}
