using Microsoft.Extensions.Options;
using NhiPlatform.Gateway.Usage;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>
/// While Redis is connected, replays spilled usage segments into the stream (Usage/README.md): each segment under an
/// exclusive lock, deleted only after every event in it was written.
/// </summary>
internal sealed class RedisUsageReplayer(
    UsageSpillFile spill, IConnectionMultiplexer redis, UsageMetrics metrics, IOptions<UsageOptions> options,
    TimeProvider timeProvider, ILogger<RedisUsageReplayer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReplayInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (redis.IsConnected)
            {
                await ReplayAsync(stoppingToken);
            }
        }
    }

    internal async Task ReplayAsync(CancellationToken cancellationToken)
    {
        spill.CloseActive();
        foreach (var path in spill.ListSegments())
        {
            using var segment = spill.TryClaim(path);
            if (segment is null)
            {
                continue;
            }

            try
            {
                var (events, unreadable) = await segment.ReadAsync(cancellationToken);
                var database = redis.GetDatabase();
                foreach (var chunk in events.Chunk(options.Value.BatchSize))
                {
                    await RedisUsageStream.AddAsync(database, chunk, options.Value.EventsPerEntry);
                }

                segment.Delete();
                metrics.Replayed(events.Count);
                foreach (var line in unreadable)
                {
                    UsageLog.SegmentLineUnreadable(logger, segment.Path, line);
                }

                if (unreadable.Count > 0)
                {
                    metrics.Dropped(unreadable.Count);
                }

                UsageLog.Replayed(logger, events.Count, Path.GetFileName(segment.Path));
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException or IOException)
            {
                UsageLog.ReplayFailed(logger, exception, Path.GetFileName(segment.Path));
                return;
            }
        }
    }
}
