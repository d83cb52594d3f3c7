using System.Buffers;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>
/// Pipelined <c>XADD</c> of usage events to <see cref="NhiStreams.Usage"/>: <c>usage.batch</c> entries of up to
/// <c>eventsPerEntry</c> events each (Contracts/Events/README.md), or one <c>usage.recorded</c> entry per event when
/// <c>eventsPerEntry</c> is 1, for a consumer that predates batches.
/// </summary>
internal static class RedisUsageStream
{
    public static Task AddAsync(IDatabase database, IReadOnlyList<UsageRecordedEvent> events, int eventsPerEntry)
    {
        if (eventsPerEntry <= 1)
        {
            return AddOneEntryPerEventAsync(database, events);
        }

        var writes = new Task[(events.Count + eventsPerEntry - 1) / eventsPerEntry];
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using var json = new Utf8JsonWriter(buffer);
        for (var i = 0; i < writes.Length; i++)
        {
            var offset = i * eventsPerEntry;
            var count = Math.Min(eventsPerEntry, events.Count - offset);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartArray();
            for (var e = offset; e < offset + count; e++)
            {
                JsonSerializer.Serialize(json, events[e], NhiEventsJsonContext.Default.UsageRecordedEvent);
            }

            json.WriteEndArray();
            json.Flush();
            writes[i] = database.StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, UsageBatch.TypeName),
                new NameValueEntry(NhiStreams.VersionField, UsageBatch.CurrentSchemaVersion),
                new NameValueEntry(NhiStreams.CountField, count),
                // A copy of exactly the written bytes: the command is sent after this loop has reused the buffer.
                new NameValueEntry(NhiStreams.DataField, buffer.WrittenSpan.ToArray()),
            ]);
        }

        return Task.WhenAll(writes);
    }

    private static Task AddOneEntryPerEventAsync(IDatabase database, IReadOnlyList<UsageRecordedEvent> events)
    {
        var writes = new Task[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            writes[i] = database.StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
                new NameValueEntry(NhiStreams.VersionField, events[i].SchemaVersion),
                new NameValueEntry(NhiStreams.DataField, JsonSerializer.SerializeToUtf8Bytes(events[i], NhiEventsJsonContext.Default.UsageRecordedEvent)),
            ]);
        }

        return Task.WhenAll(writes);
    }
}
