using NhiPlatform.TokenService.Infrastructure.Redis;
using NhiPlatform.ServiceDefaults;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Caching;

/// <summary>Drops cached identities that another replica changed (Redis pub/sub); clears all after a reconnect, when announcements may have been missed.</summary>
internal sealed class IdentityCacheInvalidationListener(IConnectionMultiplexer redis, IdentityCache cache) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnRestored;
        await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RedisOutboxDelivery.InvalidationChannel),
            (_, message) => OnChanged(message.ToString()));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnRestored;
        await redis.UnsubscribeOnStopAsync(RedisChannel.Literal(RedisOutboxDelivery.InvalidationChannel));
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e) => cache.Clear();

    /// <summary>"&lt;unix ms&gt;:&lt;client id&gt;"; anything else drops the entry unconditionally.</summary>
    private void OnChanged(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && long.TryParse(message.AsSpan(0, colon), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var unixMilliseconds))
        {
            cache.InvalidateChangedAt(message[(colon + 1)..], DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));
        }
        else
        {
            cache.Invalidate(message);
        }
    }
}
