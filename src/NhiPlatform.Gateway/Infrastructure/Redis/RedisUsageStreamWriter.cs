using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Usage;
using StackExchange.Redis;
using System.Text.Json;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>
/// Drains the usage queue into the <c>nhi:usage</c> stream in pipelined batches. A batch that fails is held and
/// retried with backoff until Redis takes it: events wait in memory rather than being lost. A retried batch may
/// add some events twice; the inventory stores each event id once.
/// </summary>
internal sealed class RedisUsageStreamWriter(
    UsageEventChannel channel, IConnectionMultiplexer redis, UsageMetrics metrics, IOptions<UsageOptions> options,
    TimeProvider timeProvider, ILogger<RedisUsageStreamWriter> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<UsageRecordedEvent>(options.Value.BatchSize);
        while (await channel.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < options.Value.BatchSize && channel.Reader.TryRead(out var usage))
            {
                batch.Add(usage);
            }

            await WriteWithRetryAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Flush what requests already enqueued before the process exits.
        channel.Complete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteWithRetryAsync(List<UsageRecordedEvent> batch, CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        var failed = false;
        while (true)
        {
            try
            {
                await WriteAsync(batch);
                metrics.Emitted(batch.Count);
                if (failed)
                {
                    UsageLog.StreamRecovered(logger, batch.Count);
                }

                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                failed = true;
                UsageLog.StreamUnavailable(logger, exception, batch.Count, delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private Task WriteAsync(List<UsageRecordedEvent> batch)
    {
        var database = redis.GetDatabase();
        var writes = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            writes[i] = database.StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
                new NameValueEntry(NhiStreams.VersionField, batch[i].SchemaVersion),
                new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(batch[i], NhiEventsJsonContext.Default.UsageRecordedEvent)),
            ]);
        }

        return Task.WhenAll(writes);
    }
}
