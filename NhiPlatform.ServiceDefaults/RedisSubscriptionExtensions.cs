using StackExchange.Redis;

namespace NhiPlatform.ServiceDefaults;

/// <summary>Ending a pub/sub subscription when a hosted service stops.</summary>
public static class RedisSubscriptionExtensions
{
    /// <summary>
    /// Unsubscribes <paramref name="channel"/>; a stop must not fail, so Redis being unreachable, or the connection
    /// closing or already disposed (seen in CI: a test host's container disposed it while a stop ran), ends it quietly:
    /// no subscription is left in any of those cases.
    /// </summary>
    public static async Task UnsubscribeOnStopAsync(this IConnectionMultiplexer redis, RedisChannel channel)
    {
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(channel);
        }
        catch (Exception exception) when (exception is RedisException or ObjectDisposedException)
        {
        }
    }
}
