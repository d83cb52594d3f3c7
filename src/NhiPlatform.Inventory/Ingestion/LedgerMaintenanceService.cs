using Microsoft.Extensions.Options;
using Npgsql;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>At start and every interval: partitions for today and tomorrow, then retention (on the provider's clock).</summary>
internal sealed class LedgerMaintenanceService(
    ILedgerMaintenance maintenance, IOptions<LedgerOptions> options, TimeProvider timeProvider, ILogger<LedgerMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (NpgsqlException exception) when (!stoppingToken.IsCancellationRequested)
            {
                IngestionLog.MaintenanceFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await maintenance.EnsurePartitionAsync(today, cancellationToken);
        await maintenance.EnsurePartitionAsync(today.AddDays(1), cancellationToken);
        var cutoff = today.AddDays(-settings.RetentionDays);
        var dropped = await maintenance.ApplyRetentionAsync(cutoff, today.AddDays(-settings.RollupRetentionDays), now.AddDays(-settings.HourlyRetentionDays), cancellationToken);
        if (dropped > 0)
        {
            IngestionLog.PartitionsDropped(logger, dropped, cutoff);
        }
    }
}
