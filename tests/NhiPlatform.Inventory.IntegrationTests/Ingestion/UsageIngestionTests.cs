using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

[Collection(ServersCollection.Name)]
public sealed class UsageIngestionTests(LocalServersFixture servers)
{
    private static async Task<long> CountAsync(InventoryTestHost host, string sql, string path)
    {
        await using var connection = new NpgsqlConnection(host.Environment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = path } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> WaitForRowsAsync(InventoryTestHost host, string path, long expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var count = await CountAsync(host, "SELECT count(*) FROM inventory.usage_events WHERE path = $1", path);
            if (count >= expected || timeout.IsCancellationRequested)
            {
                return count;
            }

            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Events_WithDuplicates_StoredOnceEachAndAcknowledged()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var path = $"/svc/echo/dup-{Guid.NewGuid():N}";
        var events = Enumerable.Range(0, 300).Select(_ => InventoryTestHost.NewEvent(path)).ToList();

        foreach (var usage in events.Concat(events.Take(100)))
        {
            await host.PublishAsync(usage);
        }

        Assert.Equal(300, await WaitForRowsAsync(host, path, 300));
        // Every entry, the repeats too, read and acknowledged: nothing more can arrive.
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(300, await CountAsync(host, "SELECT count(*) FROM inventory.usage_events WHERE path = $1", path));
    }

    [Fact]
    public async Task StoredEntries_LeaveTheStream_ThroughTheTrimService()
    {
        await using var host = await InventoryTestHost.StartAsync(servers, new Dictionary<string, string?>
        {
            ["Nhi:Inventory:Ingestion:TrimInterval"] = "00:00:01",
        });
        var path = $"/svc/echo/trim-{Guid.NewGuid():N}";
        for (var i = 0; i < 1_000; i++)
        {
            await host.PublishAsync(InventoryTestHost.NewEvent(path));
        }

        Assert.Equal(1_000, await WaitForRowsAsync(host, path, 1_000));
        var database = host.Redis.GetDatabase();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        // Approximate trimming leaves at most the last node (100 entries) of what was acknowledged; a pass may stop short
        // of that while the consumer is still acknowledging (a loaded machine), so wait for the bound itself.
        while (await database.StreamLengthAsync(NhiStreams.Usage) > 100 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(200);
        }

        Assert.InRange(await database.StreamLengthAsync(NhiStreams.Usage), 0, 100);
        Assert.Equal(1_000, await CountAsync(host, "SELECT count(*) FROM inventory.usage_events WHERE path = $1", path));
    }

    [Fact]
    public async Task Events_WrittenBeforeInventoryFirstStarts_AreNotSkipped()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var path = $"/svc/echo/early-{Guid.NewGuid():N}";
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString))
        {
            var usage = InventoryTestHost.NewEvent(path);
            await redis.GetDatabase().StreamAddAsync(NhiStreams.Usage,
            [
                new NameValueEntry(NhiStreams.TypeField, "usage.recorded"),
                new NameValueEntry(NhiStreams.VersionField, 1),
                new NameValueEntry(NhiStreams.DataField, System.Text.Json.JsonSerializer.Serialize(usage,
                    NhiPlatform.Contracts.Events.NhiEventsJsonContext.Default.UsageRecordedEvent)),
            ]);
        }

        await using var host = await InventoryTestHost.StartAsync(servers, environment: environment);

        Assert.Equal(1, await WaitForRowsAsync(host, path, 1));
    }

    [Fact]
    public async Task UnreadableEntry_IsDeadLetteredAndDoesNotBlockTheStream()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var path = $"/svc/echo/after-poison-{Guid.NewGuid():N}";

        var poisonId = await host.Redis.GetDatabase().StreamAddAsync(NhiStreams.Usage,
            [new NameValueEntry("type", "usage.recorded"), new NameValueEntry("v", 1), new NameValueEntry("data", "{not json")]);
        await host.PublishAsync(InventoryTestHost.NewEvent(path));

        Assert.Equal(1, await WaitForRowsAsync(host, path, 1));
        // Two consumers share the group: the event after the poison may be committed first.
        await host.WaitUntilCaughtUpAsync();
        Assert.Equal(1, await CountAsync(host, "SELECT count(*) FROM inventory.dead_letters WHERE entry_id = $1", poisonId.ToString()));
    }

    [Fact]
    public async Task EntriesOfADeadConsumer_AreClaimedAndStored()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var path = $"/svc/echo/abandoned-{Guid.NewGuid():N}";
        await using (var first = await InventoryTestHost.StartAsync(servers, environment: environment))
        {
            // Wait for the group, then let a consumer that "crashes" take entries without acknowledging them.
            await first.PublishAsync(InventoryTestHost.NewEvent("/warm-up"));
            await WaitForRowsAsync(first, "/warm-up", 1);
        }

        await using (var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString))
        {
            var database = redis.GetDatabase();
            for (var i = 0; i < 20; i++)
            {
                await database.StreamAddAsync(NhiStreams.Usage,
                [
                    new NameValueEntry("type", "usage.recorded"),
                    new NameValueEntry("v", 1),
                    new NameValueEntry("data", System.Text.Json.JsonSerializer.Serialize(InventoryTestHost.NewEvent(path),
                        NhiPlatform.Contracts.Events.NhiEventsJsonContext.Default.UsageRecordedEvent)),
                ]);
            }

            var taken = await database.StreamReadGroupAsync(NhiStreams.Usage, NhiStreams.InventoryGroup, "crashed-consumer", ">", 100);
            Assert.Equal(20, taken.Length);
        }

        await using var second = await InventoryTestHost.StartAsync(servers,
            new Dictionary<string, string?> { ["Nhi:Inventory:Ingestion:ClaimAfter"] = "00:00:01" }, environment);

        Assert.Equal(20, await WaitForRowsAsync(second, path, 20));
    }
}
