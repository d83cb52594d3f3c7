using NhiPlatform.Testing;

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
}
