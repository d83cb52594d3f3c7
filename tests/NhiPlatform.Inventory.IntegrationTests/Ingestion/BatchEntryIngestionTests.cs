using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>usage.batch entries (many events per entry, as the gateway writes them) through real Redis into real PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class BatchEntryIngestionTests(LocalServersFixture servers)
{
    private static List<UsageRecordedEvent> Events(string client, int count, int denied = 0) =>
    [
        .. Enumerable.Range(0, count).Select(i => InventoryEvents.Call(client, $"route-{i % 3}", $"service-{i % 3}", DateTimeOffset.UtcNow.AddSeconds(-i),
            decision: i < denied ? UsageDecisions.Denied : UsageDecisions.Allowed, source: $"10.1.0.{i % 4}")),
    ];

    private static Task<long> StoredAsync(InventoryTestHost host, string client, long expected) =>
        InventoryApiClient.EventuallyAsync(() => host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = $1", client),
            n => n >= expected, $"{expected} events of {client}");

    [Fact]
    public async Task BatchEntries_StoredWithEdgesCallersAndRollUpsAsSingleEntriesAre()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var events = Events("batch-client", 150, denied: 30);

        foreach (var chunk in events.Chunk(50))
        {
            await host.PublishBatchAsync(chunk);
        }

        Assert.Equal(150, await StoredAsync(host, "batch-client", 150));
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(150, await host.ScalarAsync("SELECT count(DISTINCT event_id) FROM inventory.usage_events WHERE client_id = 'batch-client'"));
        Assert.Equal(150, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'batch-client'"));
        Assert.Equal(30, await host.ScalarAsync("SELECT denials FROM inventory.callers WHERE caller = 'batch-client'"));
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM inventory.edges WHERE caller = 'batch-client'"));
        Assert.Equal(150, await host.ScalarAsync("SELECT sum(calls) FROM inventory.edges WHERE caller = 'batch-client'"));
        Assert.Equal(4, await host.ScalarAsync("SELECT count(*) FROM inventory.caller_sources WHERE caller = 'batch-client'"));
        Assert.Equal(150, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_hourly WHERE caller = 'batch-client'"));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM inventory.dead_letters"));
    }

    [Fact]
    public async Task MalformedBatchEntry_IsOneDeadLetterWithItsPayloadAndDoesNotBlockTheStream()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var poison = await host.Redis.GetDatabase().StreamAddAsync(NhiStreams.Usage,
        [
            new NameValueEntry(NhiStreams.TypeField, UsageBatch.TypeName), new NameValueEntry(NhiStreams.VersionField, 1),
            new NameValueEntry(NhiStreams.CountField, 2), new NameValueEntry(NhiStreams.DataField, "[{\"eventId\": oops"),
        ]);
        await host.PublishBatchAsync(Events("after-poison", 20));

        Assert.Equal(20, await StoredAsync(host, "after-poison", 20));
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM inventory.dead_letters"));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT count(*) FROM inventory.dead_letters WHERE entry_id = $1 AND reason LIKE 'invalid JSON%' AND payload = '[{\"eventId\": oops'",
            poison.ToString()));
    }

    [Fact]
    public async Task ElementWithoutEventId_IsItsOwnDeadLetterAndTheOthersAreStored()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var events = Events("partly-bad", 10);
        events[3] = events[3] with { EventId = Guid.Empty, Path = "/svc/no-id" };

        var entryId = await host.PublishBatchAsync(events);

        Assert.Equal(9, await StoredAsync(host, "partly-bad", 9));
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(9, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'partly-bad'"));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM inventory.dead_letters"));
        Assert.Equal(1, await host.ScalarAsync(
            "SELECT count(*) FROM inventory.dead_letters WHERE entry_id = $1 AND reason = 'missing event' AND payload::jsonb ->> 'path' = '/svc/no-id'",
            $"{entryId}[3]"));
    }

    [Fact]
    public async Task SingleAndBatchEntriesMixed_EachEventStoredAndCountedOnce()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var events = Events("mixed-client", 400);

        // Single entries (an older gateway's spill), batch entries, and events that arrive both ways.
        for (var i = 0; i < 100; i++)
        {
            await host.PublishAsync(events[i]);
        }

        foreach (var chunk in events.Skip(100).Chunk(60))
        {
            await host.PublishBatchAsync(chunk);
        }

        await host.PublishBatchAsync(events[..40]);
        for (var i = 350; i < 400; i++)
        {
            await host.PublishAsync(events[i]);
        }

        Assert.Equal(400, await StoredAsync(host, "mixed-client", 400));
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(400, await host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'mixed-client'"));
        Assert.Equal(400, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'mixed-client'"));
        Assert.Equal(400, await host.ScalarAsync("SELECT sum(calls) FROM inventory.edges WHERE caller = 'mixed-client'"));
        Assert.Equal(400, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_daily WHERE caller = 'mixed-client'"));
    }
}
