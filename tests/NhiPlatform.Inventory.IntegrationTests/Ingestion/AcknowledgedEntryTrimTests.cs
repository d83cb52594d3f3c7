using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Infrastructure.Redis;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>Trimming on a real Redis: only what every group acknowledged goes; pending and undelivered entries stay.</summary>
[Collection(ServersCollection.Name)]
public sealed class AcknowledgedEntryTrimTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Stream = "trim-test";
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        _redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private IDatabase Database => _redis.GetDatabase();

    private async Task<RedisValue[]> AddAsync(int count)
    {
        var ids = new RedisValue[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await Database.StreamAddAsync(Stream, "data", i);
        }

        return ids;
    }

    private async Task<RedisValue[]> RemainingAsync() => [.. (await Database.StreamRangeAsync(Stream)).Select(e => e.Id)];

    [Fact]
    public async Task NoGroup_NothingIsTrimmed()
    {
        await AddAsync(10);

        var removed = await new RedisAcknowledgedEntryTrimmer(_redis).TrimAsync(Stream, CancellationToken.None);

        Assert.Equal(0, removed);
        Assert.Equal(10, await Database.StreamLengthAsync(Stream));
    }

    [Fact]
    public async Task OnlyAcknowledgedEntriesBelowTheOldestPendingOne_AreRemoved()
    {
        // Enough entries that Redis's approximate trim (whole nodes of up to 100 entries) has something to remove.
        var ids = await AddAsync(1_000);
        await Database.StreamCreateConsumerGroupAsync(Stream, NhiStreams.InventoryGroup, StreamPosition.Beginning);
        var delivered = await Database.StreamReadGroupAsync(Stream, NhiStreams.InventoryGroup, "c1", ">", 700);
        // 0..599 stored and acknowledged; 600..699 delivered but pending (a consumer died); 700.. never delivered.
        await Database.StreamAcknowledgeAsync(Stream, NhiStreams.InventoryGroup, [.. delivered.Take(600).Select(e => e.Id)]);

        var removed = await new RedisAcknowledgedEntryTrimmer(_redis).TrimAsync(Stream, CancellationToken.None);

        var remaining = await RemainingAsync();
        Assert.True(removed > 0, "acknowledged entries were removed");
        Assert.Equal(1_000 - removed, remaining.Length);
        Assert.Subset(remaining.ToHashSet(), ids.Skip(600).ToHashSet());
        Assert.DoesNotContain(remaining, id => Array.IndexOf(ids, id) < 600 - 100);
    }

    [Fact]
    public async Task NothingPending_EverythingDeliveredIsRemovable_UndeliveredStays()
    {
        var ids = await AddAsync(500);
        await Database.StreamCreateConsumerGroupAsync(Stream, NhiStreams.InventoryGroup, StreamPosition.Beginning);
        var delivered = await Database.StreamReadGroupAsync(Stream, NhiStreams.InventoryGroup, "c1", ">", 400);
        await Database.StreamAcknowledgeAsync(Stream, NhiStreams.InventoryGroup, [.. delivered.Select(e => e.Id)]);

        await new RedisAcknowledgedEntryTrimmer(_redis).TrimAsync(Stream, CancellationToken.None);

        var remaining = await RemainingAsync();
        Assert.Subset(remaining.ToHashSet(), ids.Skip(400).ToHashSet());
        Assert.True(remaining.Length < 500);
    }

    [Fact]
    public async Task TwoGroups_TheSlowerOneDecides()
    {
        var ids = await AddAsync(1_000);
        await Database.StreamCreateConsumerGroupAsync(Stream, NhiStreams.InventoryGroup, StreamPosition.Beginning);
        await Database.StreamCreateConsumerGroupAsync(Stream, "another-reader", StreamPosition.Beginning);
        var fast = await Database.StreamReadGroupAsync(Stream, NhiStreams.InventoryGroup, "c1", ">", 1_000);
        await Database.StreamAcknowledgeAsync(Stream, NhiStreams.InventoryGroup, [.. fast.Select(e => e.Id)]);
        var slow = await Database.StreamReadGroupAsync(Stream, "another-reader", "c1", ">", 150);
        await Database.StreamAcknowledgeAsync(Stream, "another-reader", [.. slow.Select(e => e.Id)]);

        await new RedisAcknowledgedEntryTrimmer(_redis).TrimAsync(Stream, CancellationToken.None);

        Assert.Subset((await RemainingAsync()).ToHashSet(), ids.Skip(150).ToHashSet());
    }
}
