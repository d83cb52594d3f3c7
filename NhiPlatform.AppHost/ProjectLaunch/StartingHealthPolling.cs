using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NhiPlatform.AppHost.ProjectLaunch;

/// <summary>
/// While a resource with health checks runs but is not healthy yet, has Aspire check it every quarter second. Aspire
/// backs off 1, 2, 3, 4, 5 s between checks of a starting resource, so each step of the start-up order (tokens, then
/// gateway, then the sample seed) waited up to seconds after the service was ready. Any update of a resource's
/// snapshot ends that wait, so an unchanged update is the nudge. Only the first start: a service that falls ill later
/// (its database gone) is left to Aspire's back-off. Subscribes before the orchestrator starts (the AppHost's hosted
/// services start only once Aspire's own start has returned).
/// </summary>
internal sealed class StartingHealthPolling(ResourceNotificationService notifications)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static void PollStartingResources(IDistributedApplicationBuilder builder) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((start, cancellation) =>
        {
            var stopping = start.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = new StartingHealthPolling(start.Services.GetRequiredService<ResourceNotificationService>()).WatchAsync(stopping);
            return Task.CompletedTask;
        });

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var polling = new ConcurrentDictionary<string, bool>();
        var started = new HashSet<string>();
        await Task.Yield();
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Snapshot.HealthStatus is HealthStatus.Healthy)
            {
                started.Add(update.ResourceId);
            }
            else if (update.Snapshot.State?.Text == KnownResourceStates.Running && !started.Contains(update.ResourceId) &&
                update.Resource.TryGetAnnotationsOfType<HealthCheckAnnotation>(out _) && polling.TryAdd(update.ResourceId, true))
            {
                _ = PollUntilHealthyAsync(update.Resource, update.ResourceId, polling, stoppingToken);
            }
        }
    }

    private async Task PollUntilHealthyAsync(
        IResource resource, string resourceId, ConcurrentDictionary<string, bool> polling, CancellationToken stoppingToken)
    {
        try
        {
            while (notifications.TryGetCurrentState(resourceId, out var current) &&
                   current.Snapshot.State?.Text == KnownResourceStates.Running && current.Snapshot.HealthStatus is not HealthStatus.Healthy)
            {
                await Task.Delay(Interval, stoppingToken);
                await notifications.PublishUpdateAsync(resource, resourceId, snapshot => snapshot);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            polling.TryRemove(resourceId, out _);
        }
    }
}
