namespace NhiPlatform.TokenService.Infrastructure.Redis;

/// <summary>Log messages of the Redis adapters (2170-2189).</summary>
internal static partial class RedisLog
{
    [LoggerMessage(EventId = 2170, EventName = "RateLimitUnavailable", Level = LogLevel.Warning,
        Message = "Redis unavailable for rate-limit counters; requests are not limited until it returns")]
    public static partial void RateLimitUnavailable(ILogger logger, Exception exception);
}
