using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Ingestion;
using StackExchange.Redis;
using StreamEntry = NhiPlatform.Inventory.Ingestion.StreamEntry;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>A stream (<c>nhi:usage</c> or <c>nhi:identities</c>) through the inventory's consumer group.</summary>
internal sealed class RedisEventStream(string name, string consumer, IConnectionMultiplexer redis, ILogger<RedisEventStream> logger)
    : IEventStream
{
    private bool _groupReady;

    public string Name => name;

    private IDatabase Database => redis.GetDatabase();

    public async Task EnsureGroupAsync(CancellationToken cancellationToken)
    {
        if (_groupReady)
        {
            return;
        }

        try
        {
            // From the stream's start: events written before the inventory first ran are not skipped.
            await Database.StreamCreateConsumerGroupAsync(name, NhiStreams.InventoryGroup, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: another replica, or an earlier run, created it.
        }

        _groupReady = true;
        IngestionLog.Started(logger, name, consumer, NhiStreams.InventoryGroup);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.Beginning, count);

    public Task<IReadOnlyList<StreamEntry>> ReadNewAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(StreamPosition.NewMessages, count);

    private async Task<IReadOnlyList<StreamEntry>> ReadAsync(RedisValue position, int count)
    {
        try
        {
            return Convert(await Database.StreamReadGroupAsync(name, NhiStreams.InventoryGroup, consumer, position, count));
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
        var result = await Database.StreamAutoClaimAsync(name, NhiStreams.InventoryGroup, consumer, (long)minIdle.TotalMilliseconds, "0-0", count);
        return Convert(result.ClaimedEntries);
    }

    public async Task AcknowledgeAsync(IReadOnlyList<string> entryIds, CancellationToken cancellationToken)
    {
        if (entryIds.Count > 0)
        {
            await Database.StreamAcknowledgeAsync(name, NhiStreams.InventoryGroup, [.. entryIds.Select(id => (RedisValue)id)]);
        }
    }

    private static StreamEntry[] Convert(StackExchange.Redis.StreamEntry[] entries) =>
        [.. entries.Where(e => !e.IsNull).Select(Convert)];

    /// <summary>
    /// The small fields become text; <c>data</c> stays the bytes Redis sent (a batch entry's array can be hundreds of
    /// kilobytes): it is parsed as UTF-8 JSON directly and only becomes a string for a dead letter.
    /// </summary>
    private static StreamEntry Convert(StackExchange.Redis.StreamEntry entry)
    {
        var fields = new Dictionary<string, string>(entry.Values.Length, StringComparer.Ordinal);
        ReadOnlyMemory<byte>? data = null;
        foreach (var field in entry.Values)
        {
            var name = field.Name.ToString();
            if (name == NhiStreams.DataField)
            {
                data = (ReadOnlyMemory<byte>)field.Value;
            }
            else
            {
                fields[name] = field.Value.ToString();
            }
        }

        return new StreamEntry(entry.Id.ToString(), fields, data);
    }
}
