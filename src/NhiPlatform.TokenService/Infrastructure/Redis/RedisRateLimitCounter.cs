using NhiPlatform.TokenService.Domain;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Infrastructure.Redis;

/// <summary>
/// INCR on a per-window key that expires after the window: one round trip, exact across replicas. Rate limits are
/// abuse control, not authentication: when Redis fails, counting fails open (logged) so tokens are still issued.
/// </summary>
internal sealed class RedisRateLimitCounter(IConnectionMultiplexer redis, ILogger<RedisRateLimitCounter> logger) : IRateLimitCounter
{
    private const string IncrementScript = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    public async Task<long> IncrementAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(IncrementScript, [Key(key, windowStart)], [(long)(window * 2).TotalMilliseconds]);
            return (long)result;
        }
        catch (RedisException exception)
        {
            RedisLog.RateLimitUnavailable(logger, exception);
            return 0;
        }
    }

    private const string CheckAuthenticatedScript = """
        local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
        if failures >= tonumber(ARGV[1]) then return { failures, -1 } end
        local count = redis.call('INCR', KEYS[2])
        if count == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
        return { failures, count }
        """;

    public async Task<(long SourceFailures, long ClientCount)> CheckAuthenticatedAsync(
        string sourceKey, string clientKey, long sourceLimit, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(CheckAuthenticatedScript,
                [Key(sourceKey, windowStart), Key(clientKey, windowStart)], [sourceLimit, (long)(window * 2).TotalMilliseconds]))!;
            return ((long)result[0], (long)result[1]);
        }
        catch (RedisException exception)
        {
            RedisLog.RateLimitUnavailable(logger, exception);
            return (0, 0);
        }
    }

    public async Task<long> ReadAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(Key(key, windowStart));
            return value.HasValue ? (long)value : 0;
        }
        catch (RedisException exception)
        {
            RedisLog.RateLimitUnavailable(logger, exception);
            return 0;
        }
    }

    private static RedisKey Key(string key, DateTimeOffset windowStart) => $"nhi:tokens:rl:{key}:{windowStart.ToUnixTimeSeconds()}";
}
