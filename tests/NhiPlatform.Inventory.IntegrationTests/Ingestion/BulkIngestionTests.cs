using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>
/// 100,000 events with replays in the stream, as single or as batch entries: exactly the unique ones are stored, and
/// edges count each once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BulkIngestionTests(LocalServersFixture servers)
{
    private const int Unique = 100_000;
    private const int Duplicates = 10_000;

    [Fact]
    public async Task HundredThousandEvents_WithDuplicates_ExactlyTheUniqueCountStored()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var events = BulkEvents();
        var random = new Random(6);
        var replays = Enumerable.Range(0, Duplicates).Select(_ => events[random.Next(Unique)]);

        await PublishAllAsync(host.Redis.GetDatabase(), events.Concat(replays));

        await AssertExactlyTheUniqueEventsStoredAsync(host);
    }

    [Fact]
    public async Task HundredThousandEventsInBatchEntries_WithEventsInTwoEntriesAndEntriesWrittenTwice_ExactlyTheUniqueCountStored()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var events = BulkEvents();
        var entries = events.Chunk(200).ToList();
        var random = new Random(7);
        // 5,000 events again in entries of their own (an event in two entries), and 25 entries written twice.
        var again = Enumerable.Range(0, 5_000).Select(_ => events[random.Next(Unique)]).Chunk(200);
        var twice = Enumerable.Range(0, 25).Select(_ => entries[random.Next(entries.Count)]);
        var database = host.Redis.GetDatabase();

        foreach (var chunk in entries.Concat(again).Concat(twice).Chunk(50))
        {
            await Task.WhenAll(chunk.Select(entry => database.StreamAddAsync(NhiStreams.Usage, InventoryEvents.BatchEntry(entry))));
        }

        await AssertExactlyTheUniqueEventsStoredAsync(host);
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM inventory.dead_letters"));
    }

    /// <summary>100,000 distinct events over 20 callers, 50 paths and 7 source addresses, 10 ms apart.</summary>
    private static List<UsageRecordedEvent> BulkEvents()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        return Enumerable.Range(0, Unique).Select(i => InventoryTestHost.NewEvent($"/svc/echo/bulk/{i % 50}", $"bulk-{i % 20}") with
        {
            OccurredAt = start.AddMilliseconds(i * 10),
            SourceAddress = $"10.0.{i % 7}.1",
        }).ToList();
    }

    /// <summary>Waits until everything is stored and acknowledged, then: each unique event once, in the ledger and every read model.</summary>
    private static async Task AssertExactlyTheUniqueEventsStoredAsync(InventoryTestHost host)
    {
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
