using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Every <c>TrimInterval</c>: removes the usage entries every consumer group has acknowledged (on the provider's clock).</summary>
internal sealed class UsageStreamTrimService(
    IAcknowledgedEntryTrimmer trimmer, IOptions<IngestionOptions> options, TimeProvider timeProvider, ILogger<UsageStreamTrimService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrimInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var removed = await trimmer.TrimAsync(NhiStreams.Usage, stoppingToken);
                IngestionLog.StreamTrimmed(logger, NhiStreams.Usage, removed);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                IngestionLog.StreamTrimFailed(logger, exception, NhiStreams.Usage);
            }
        }
    }
}
