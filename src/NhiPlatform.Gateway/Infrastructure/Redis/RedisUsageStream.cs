using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>Pipelined <c>XADD</c> of usage events to <see cref="NhiStreams.Usage"/>.</summary>
internal static class RedisUsageStream
{
    public static Task AddAsync(IDatabase database, IReadOnlyList<UsageRecordedEvent> events)
    {
        var writes = new Task[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            writes[i] = database.StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
                new NameValueEntry(NhiStreams.VersionField, events[i].SchemaVersion),
                new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(events[i], NhiEventsJsonContext.Default.UsageRecordedEvent)),
            ]);
        }

        return Task.WhenAll(writes);
    }
}
