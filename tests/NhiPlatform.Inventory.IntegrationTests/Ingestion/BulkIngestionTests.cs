using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>100,000 events with 10 % replayed in the stream: exactly the unique ones are stored, and edges count each once.</summary>
[Collection(ServersCollection.Name)]
public sealed class BulkIngestionTests(LocalServersFixture servers)
{
    private const int Unique = 100_000;
    private const int Duplicates = 10_000;

    [Fact]
    public async Task HundredThousandEvents_WithDuplicates_ExactlyTheUniqueCountStored()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, Unique).Select(i => InventoryTestHost.NewEvent($"/svc/echo/bulk/{i % 50}", $"bulk-{i % 20}") with
        {
            OccurredAt = start.AddMilliseconds(i * 10),
            SourceAddress = $"10.0.{i % 7}.1",
        }).ToList();
        var random = new Random(6);
        var replays = Enumerable.Range(0, Duplicates).Select(_ => events[random.Next(Unique)]);

        await PublishAllAsync(host.Redis.GetDatabase(), events.Concat(replays));

        await InventoryApiClient.EventuallyAsync(() => host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id LIKE 'bulk-%'"),
            n => n >= Unique, "100,000 stored events", timeoutSeconds: 240);
        await InventoryApiClient.EventuallyAsync(
            async () => (await host.Redis.GetDatabase().StreamPendingAsync(NhiStreams.Usage, NhiStreams.InventoryGroup)).PendingMessageCount,
            n => n == 0, "nothing pending", timeoutSeconds: 60);
        Assert.Equal(Unique, await host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id LIKE 'bulk-%'"));
        Assert.Equal(Unique, await host.ScalarAsync("SELECT count(DISTINCT event_id) FROM inventory.usage_events WHERE client_id LIKE 'bulk-%'"));
        Assert.Equal(Unique, await host.ScalarAsync("SELECT sum(calls) FROM inventory.edges WHERE caller LIKE 'bulk-%'"));
        Assert.Equal(Unique, await host.ScalarAsync("SELECT sum(calls) FROM inventory.callers WHERE caller LIKE 'bulk-%'"));
        Assert.Equal(Unique, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_daily WHERE caller LIKE 'bulk-%'"));
    }

    /// <summary>Pipelined XADDs in chunks (fast, and the order within a chunk does not matter to the test).</summary>
    internal static async Task PublishAllAsync(IDatabase database, IEnumerable<UsageRecordedEvent> events)
    {
        foreach (var chunk in events.Chunk(2_000))
        {
            await Task.WhenAll(chunk.Select(e => database.StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, UsageRecordedEvent.TypeName),
                new NameValueEntry(NhiStreams.VersionField, 1),
                new NameValueEntry(NhiStreams.DataField, JsonSerializer.Serialize(e, NhiEventsJsonContext.Default.UsageRecordedEvent)),
            ])));
        }
    }
}
