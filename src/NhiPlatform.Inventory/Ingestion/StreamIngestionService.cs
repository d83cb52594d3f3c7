using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Moves one stream into PostgreSQL: read a batch, store it in one transaction, acknowledge only after the commit.
/// A crash or an outage between the two leaves the entries pending; they are read again (own pending first, then
/// abandoned ones of dead consumers) and the sink skips event ids it already has: nothing is lost, nothing is counted
/// twice. Several replicas share the group, each with its own consumer name.
/// </summary>
internal sealed class StreamIngestionService(
    IEventStream stream, IBatchSink sink, IngestionMetrics metrics, IOptions<IngestionOptions> options, TimeProvider timeProvider,
    ILogger<StreamIngestionService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var reader = new StreamBatchReader(stream, settings, timeProvider);
        var backoff = settings.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamEntry> entries = [];
            try
            {
                await stream.EnsureGroupAsync(stoppingToken);
                var started = timeProvider.GetTimestamp();
                entries = await reader.ReadAsync(stoppingToken);
                if (entries.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, timeProvider, stoppingToken);
                    continue;
                }

                started = Lap(IngestionStages.Read, started);
                var outcome = await sink.StoreAsync(entries, stoppingToken);
                started = Lap(IngestionStages.Store, started);
                await stream.AcknowledgeAsync([.. entries.Select(e => e.Id)], stoppingToken);
                Lap(IngestionStages.Acknowledge, started);
                metrics.Record(stream.Name, outcome, entries, timeProvider.GetUtcNow());
                IngestionLog.BatchStored(logger, stream.Name, outcome.Stored, entries.Count, outcome.DeadLetters);
                backoff = settings.PollInterval;
            }
            catch (Exception exception) when (exception is RedisException or NpgsqlException or TimeoutException or InvalidOperationException
                                              && !stoppingToken.IsCancellationRequested)
            {
                // Whatever was read stays pending and is read again from this consumer's pending list.
                await reader.ResetAsync();
                IngestionLog.Failed(logger, exception, stream.Name, entries.Count, backoff.TotalMilliseconds);
                await Task.Delay(backoff, timeProvider, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        await reader.ResetAsync();
    }

    private long Lap(string stage, long started)
    {
        var now = timeProvider.GetTimestamp();
        metrics.RecordStage(stream.Name, stage, timeProvider.GetElapsedTime(started, now));
        return now;
    }
}
