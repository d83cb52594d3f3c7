using Microsoft.Extensions.Options;
using Npgsql;
using NhiPlatform.Inventory.Findings.Lifecycle;

namespace NhiPlatform.Inventory.Findings;

/// <summary>Computes findings (then applies the lifecycle policy) at start and every interval, on the provider's clock.</summary>
internal sealed class FindingsScheduler(
    FindingEngine engine, DormantIdentityPolicy policy, IOptions<FindingsOptions> options, TimeProvider timeProvider,
    ILogger<FindingsScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        do
        {
            try
            {
                await engine.EvaluateAsync(stoppingToken);
                await policy.ApplyAsync(dryRun: false, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or HttpRequestException or TimeoutException or InvalidOperationException
                                              && !stoppingToken.IsCancellationRequested)
            {
                FindingsLog.EvaluationFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
