using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Infrastructure.Redis;
using NhiPlatform.Inventory.Live;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>An inventory whose Redis is gone still stops cleanly: a replica being shut down must not fail its stop.</summary>
[Collection(RedisOutageCollection.Name)]
public sealed class StopWithoutRedisTests(LocalServersFixture servers)
{
    [Fact]
    public async Task Stop_WhileRedisIsDown_CompletesWithoutError()
    {
        var host = await InventoryTestHost.StartAsync(servers);
        try
        {
            await servers.StopRedisAsync();
            Assert.False(servers.IsRedisRunning);

            var stop = await Record.ExceptionAsync(async () => await host.DisposeAsync());

            Assert.Null(stop);
        }
        finally
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }
    }

    /// <summary>Seen once in CI: the host's container disposed the Redis connection while the live channel's stop ran.</summary>
    [Fact]
    public async Task LiveChannelStop_WhileItsConnectionIsDisposed_CompletesWithoutError()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(servers.RedisConnectionString);
            var channel = new RedisLiveChannel(redis, new LiveUpdates(),
                Options.Create(new LiveOptions { Channel = $"nhi:inventory:changes:{Guid.NewGuid():N}" }));
            await channel.StartAsync(CancellationToken.None);

            var disposing = Task.Run(() => redis.DisposeAsync().AsTask());
            var stop = await Record.ExceptionAsync(() => channel.StopAsync(CancellationToken.None));
            await disposing;

            Assert.Null(stop);
        }
    }
}
