using NhiPlatform.TokenService.Domain;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Infrastructure.Redis;

/// <summary>SET NX with an expiry just past the assertion's: the first replica to record a jti wins, every later use is a replay.</summary>
internal sealed class RedisAssertionReplayCache(IConnectionMultiplexer redis, TimeProvider timeProvider) : IAssertionReplayCache
{
    public async Task<bool> TryUseAsync(string clientId, string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var ttl = expiresAt - timeProvider.GetUtcNow() + TimeSpan.FromMinutes(1);
        return await redis.GetDatabase().StringSetAsync($"nhi:tokens:assertion-jti:{clientId}:{tokenId}", 1,
            ttl > TimeSpan.Zero ? ttl : TimeSpan.FromMinutes(1), When.NotExists);
    }
}
