using Microsoft.Extensions.Options;
using Npgsql;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// Moves usage events from the stream into the ledger: read a batch, store it in one transaction, acknowledge only
/// after the commit. A crash or an outage between the two leaves the entries pending; they are read again (own
/// pending first, then abandoned ones of dead consumers) and the ledger skips ids it already has: nothing is lost,
/// nothing is counted twice.
/// </summary>
internal sealed class UsageIngestionService(
    IUsageStream stream, IUsageLedger ledger, IOptions<IngestionOptions> options, TimeProvider timeProvider,
    ILogger<UsageIngestionService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.PollInterval;
        var readPending = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<StreamEntry> entries = [];
            try
            {
                await stream.EnsureGroupAsync(stoppingToken);
                entries = readPending ? await stream.ReadPendingAsync(settings.BatchSize, stoppingToken) : [];
                readPending = entries.Count > 0;
                if (entries.Count == 0)
                {
                    entries = await stream.ClaimAbandonedAsync(settings.ClaimAfter, settings.BatchSize, stoppingToken);
                }

                if (entries.Count == 0)
                {
                    entries = await stream.ReadNewAsync(settings.BatchSize, stoppingToken);
                }

                if (entries.Count == 0)
                {
                    await Task.Delay(settings.PollInterval, timeProvider, stoppingToken);
                    continue;
                }

                await StoreAsync(entries, stoppingToken);
                backoff = settings.PollInterval;
            }
            catch (Exception exception) when (exception is RedisException or NpgsqlException or TimeoutException)
            {
                // Whatever was read stays pending and is read again from this consumer's pending list.
                readPending = true;
                IngestionLog.Failed(logger, exception, entries.Count, backoff.TotalMilliseconds);
                await Task.Delay(backoff, timeProvider, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task StoreAsync(IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken)
    {
        var events = new List<UsageRecordedEvent>(entries.Count);
        var deadLetters = new List<DeadLetter>();
        foreach (var entry in entries)
        {
            var (usage, deadLetter) = UsageEntryParser.Parse(entry);
            if (usage is not null)
            {
                events.Add(usage);
            }
            else if (deadLetter is not null)
            {
                deadLetters.Add(deadLetter);
                IngestionLog.DeadLettered(logger, deadLetter.EntryId, deadLetter.Reason);
            }
        }

        var inserted = await ledger.AppendAsync(events, deadLetters, cancellationToken);
        await stream.AcknowledgeAsync([.. entries.Select(e => e.Id)], cancellationToken);
        IngestionLog.BatchStored(logger, inserted, entries.Count, deadLetters.Count);
    }
}
