namespace NhiPlatform.Gateway.Usage;

/// <summary>Log messages of usage emission (1000-1049).</summary>
internal static partial class UsageLog
{
    [LoggerMessage(EventId = 1000, EventName = "UsageDropped", Level = LogLevel.Error,
        Message = "Usage queue full and spill file unwritable: event {EventId} for route {RouteId} was dropped")]
    public static partial void Dropped(ILogger logger, Guid eventId, string? routeId);

    [LoggerMessage(EventId = 1001, EventName = "UsageStreamUnavailable", Level = LogLevel.Warning,
        Message = "Could not write {Count} usage events to Redis; spilling them to disk")]
    public static partial void StreamUnavailable(ILogger logger, Exception? exception, int count);

    [LoggerMessage(EventId = 1002, EventName = "UsageReplayed", Level = LogLevel.Information,
        Message = "Replayed {Count} spilled usage events from {Segment}")]
    public static partial void Replayed(ILogger logger, int count, string segment);

    [LoggerMessage(EventId = 1003, EventName = "UsageSpillFailed", Level = LogLevel.Critical,
        Message = "Could not append {Count} usage events to the spill directory {Directory}")]
    public static partial void SpillFailed(ILogger logger, Exception exception, int count, string directory);

    [LoggerMessage(EventId = 1004, EventName = "UsageReplayFailed", Level = LogLevel.Warning,
        Message = "Replay of spilled usage segment {Segment} failed; it is kept and retried")]
    public static partial void ReplayFailed(ILogger logger, Exception exception, string segment);

    [LoggerMessage(EventId = 1005, EventName = "UsageSegmentUnreadable", Level = LogLevel.Error,
        Message = "Spilled usage segment {Segment} has an unreadable line {Line}; it is skipped and counted as dropped")]
    public static partial void SegmentLineUnreadable(ILogger logger, string segment, int line);
}
