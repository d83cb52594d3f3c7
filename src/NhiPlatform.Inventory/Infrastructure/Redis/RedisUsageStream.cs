using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Ingestion;
using StackExchange.Redis;
using StreamEntry = NhiPlatform.Inventory.Ingestion.StreamEntry;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>The <c>nhi:usage</c> stream through the inventory's consumer group.</summary>
internal sealed class RedisUsageStream(IConnectionMultiplexer redis, IOptions<IngestionOptions> options, ILogger<RedisUsageStream> logger)
    : IUsageStream
{
    private readonly string _consumer = options.Value.ConsumerName ?? $"{Environment.MachineName}-{Environment.ProcessId}";
    private bool _groupReady;

    private IDatabase Database => redis.GetDatabase();

    public async Task EnsureGroupAsync(CancellationToken cancellationToken)
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the stream's start: events the gateway wrote before the inventory first ran are not skipped.
            await Database.StreamCreateConsumerGroupAsync(NhiStreams.Usage, NhiStreams.InventoryGroup, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: another replica, or an earlier run, created it.
        }

        _groupReady = true;
        IngestionLog.Started(logger, NhiStreams.Usage, _consumer, NhiStreams.InventoryGroup);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.Beginning, count);

    public Task<IReadOnlyList<StreamEntry>> ReadNewAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.NewMessages, count);

    private async Task<IReadOnlyList<StreamEntry>> ReadAsync(RedisValue position, int count)
    {
        try
        {
            return Convert(await Database.StreamReadGroupAsync(NhiStreams.Usage, NhiStreams.InventoryGroup, _consumer, position, count));
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // Redis lost the group (restarted without its data): create it again on the next round.
            _groupReady = false;
            throw;
        }
    }

    public async Task<IReadOnlyList<StreamEntry>> ClaimAbandonedAsync(TimeSpan minIdle, int count, CancellationToken cancellationToken)
    {
        var result = await Database.StreamAutoClaimAsync(NhiStreams.Usage, NhiStreams.InventoryGroup, _consumer,
            (long)minIdle.TotalMilliseconds, "0-0", count);
        return Convert(result.ClaimedEntries);
    }

    public async Task AcknowledgeAsync(IReadOnlyList<string> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count > 0)
        {
            await Database.StreamAcknowledgeAsync(NhiStreams.Usage, NhiStreams.InventoryGroup, [.. entryIds.Select(id => (RedisValue)id)]);
        }
    }

    private static StreamEntry[] Convert(StackExchange.Redis.StreamEntry[] entries) =>
        [.. entries.Where(e => !e.IsNull).Select(e => new StreamEntry(
            e.Id.ToString(),
            e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal)))];
}
