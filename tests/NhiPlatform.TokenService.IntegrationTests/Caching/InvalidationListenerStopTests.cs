using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Testing;
using NhiPlatform.TokenService.Caching;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.IntegrationTests.Caching;

/// <summary>
/// A replica's stop never fails on its Redis subscription: seen once in CI (the inventory's twin of this listener), a
/// host's container disposed the Redis connection while the listener's stop ran.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class InvalidationListenerStopTests(LocalServersFixture servers)
{
    [Fact]
    public async Task Stop_WhileItsConnectionIsDisposed_CompletesWithoutError()
    {
        await using var host = await TokenServiceTestHost.StartAsync(servers);
        var cache = host.Host.Services.GetRequiredService<IdentityCache>();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(host.Environment.RedisConnectionString);
            var listener = new IdentityCacheInvalidationListener(redis, cache);
            await listener.StartAsync(CancellationToken.None);

            var disposing = Task.Run(() => redis.DisposeAsync().AsTask());
            var stop = await Record.ExceptionAsync(() => listener.StopAsync(CancellationToken.None));
            await disposing;

            Assert.Null(stop);
        }
    }
}
