using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Reads the usage events the gateway wrote to a test environment's <c>nhi:usage</c> stream.</summary>
internal static class UsageStream
{
    public static async Task<List<UsageRecordedEvent>> ReadAsync(string redisConnectionString, Func<UsageRecordedEvent, bool> filter)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var entries = await redis.GetDatabase().StreamRangeAsync(NhiStreams.Usage);
        return entries.SelectMany(Events).Where(filter).ToList();
    }

    /// <summary>The events of one entry: a <c>usage.batch</c> array, or a single <c>usage.recorded</c> event.</summary>
    public static UsageRecordedEvent[] Events(StreamEntry entry)
    {
        var data = (byte[])entry[NhiStreams.DataField]!;
        return (string?)entry[NhiStreams.TypeField] switch
        {
            UsageBatch.TypeName => JsonSerializer.Deserialize(data, NhiEventsJsonContext.Default.UsageRecordedEventArray)!,
            UsageRecordedEvent.TypeName => [JsonSerializer.Deserialize(data, NhiEventsJsonContext.Default.UsageRecordedEvent)!],
            var type => throw new InvalidOperationException($"Unexpected entry type '{type}' on {NhiStreams.Usage}."),
        };
    }

    /// <summary>Waits (bounded) until at least <paramref name="expected"/> events match, then returns them all.</summary>
    public static async Task<List<UsageRecordedEvent>> WaitForAsync(string redisConnectionString, Func<UsageRecordedEvent, bool> filter,
        int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var events = await ReadAsync(redisConnectionString, filter);
            if (events.Count >= expected || DateTime.UtcNow > deadline)
            {
                return events;
            }

            await Task.Delay(100);
        }
    }
}
