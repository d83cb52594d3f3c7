using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Usage;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>
/// Drains the usage queue into the <c>nhi:usage</c> stream in batches (what gathered over <c>FlushInterval</c>, or
/// <c>BatchSize</c> at once), written as pipelined <c>usage.batch</c> entries. A batch Redis cannot take (not connected,
/// or the write failed) goes to the spill file at once, so the queue keeps moving; the replayer sends it later. On
/// shutdown the queue is drained completely (to Redis or the spill file) before the process exits.
/// </summary>
internal sealed class RedisUsageStreamWriter(
    UsageEventChannel channel, UsageSpillFile spill, IConnectionMultiplexer redis, UsageMetrics metrics,
    IOptions<UsageOptions> options, ILogger<RedisUsageStreamWriter> logger) : BackgroundService
{
    private bool _unavailableLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<UsageRecordedEvent>(options.Value.BatchSize);
        // Not stoppingToken: the loop ends when StopAsync completes the channel and everything queued is written.
        while (await channel.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (channel.Reader.Count < options.Value.BatchSize && options.Value.FlushInterval > TimeSpan.Zero
                && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.FlushInterval, CancellationToken.None);
            }

            while (batch.Count < options.Value.BatchSize && channel.Reader.TryRead(out var usage))
            {
                batch.Add(usage);
            }

            await WriteOrSpillAsync(batch, spillOnly: stoppingToken.IsCancellationRequested && !redis.IsConnected);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        channel.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteOrSpillAsync(List<UsageRecordedEvent> batch, bool spillOnly)
    {
        if (!spillOnly && redis.IsConnected)
        {
            try
            {
                await RedisUsageStream.AddAsync(redis.GetDatabase(), batch, options.Value.EventsPerEntry);
                metrics.Emitted(batch.Count);
                _unavailableLogged = false;
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
            {
                // ObjectDisposedException: the connection was disposed under a last flush at shutdown; the batch spills too.
                UsageLog.StreamUnavailable(logger, exception, batch.Count);
                _unavailableLogged = true;
            }
        }
        else if (!_unavailableLogged)
        {
            UsageLog.StreamUnavailable(logger, null, batch.Count);
            _unavailableLogged = true;
        }

        if (!spill.TryAppend(batch))
        {
            foreach (var usage in batch)
            {
                UsageLog.Dropped(logger, usage.EventId, usage.RouteId);
            }

            metrics.Dropped(batch.Count);
        }
    }
}
