namespace NhiPlatform.Gateway.Usage;

/// <summary>Log messages of usage emission (1000-1049).</summary>
internal static partial class UsageLog
{
    [LoggerMessage(EventId = 1000, EventName = "UsageQueueFull", Level = LogLevel.Error,
        Message = "Usage queue full: event {EventId} for route {RouteId} was dropped")]
    public static partial void QueueFull(ILogger logger, Guid eventId, string? routeId);

    [LoggerMessage(EventId = 1001, EventName = "UsageStreamUnavailable", Level = LogLevel.Warning,
        Message = "Could not write {Count} usage events to Redis; retrying in {DelayMs} ms")]
    public static partial void StreamUnavailable(ILogger logger, Exception exception, int count, double delayMs);

    [LoggerMessage(EventId = 1002, EventName = "UsageStreamRecovered", Level = LogLevel.Information,
        Message = "Usage stream writable again; {Count} held events written")]
    public static partial void StreamRecovered(ILogger logger, int count);
}
