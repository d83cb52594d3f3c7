using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Live;
using NhiPlatform.ServiceDefaults;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>Publishes changes on a Redis channel and relays what any replica published to this replica's streams.</summary>
internal sealed class RedisLiveChannel(IConnectionMultiplexer redis, LiveUpdates updates, IOptions<LiveOptions> options)
    : ILiveChangePublisher, IHostedService
{
    private RedisChannel Channel => RedisChannel.Literal(options.Value.Channel);

    public async Task PublishAsync(string kind, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, kind);
        }
        catch (RedisException)
        {
            // A lost signal only delays a page refresh; this replica's own pages still hear it.
            updates.Notify(kind);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => updates.Notify(message.ToString()));

    public Task StopAsync(CancellationToken cancellationToken) => redis.UnsubscribeOnStopAsync(Channel);
}
