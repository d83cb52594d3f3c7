namespace NhiPlatform.Inventory.Live;

/// <summary>Log messages of the operator page's live updates (3100-3109). Client ids only, never a ticket or token.</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 3100, EventName = "LiveStreamEnded", Level = LogLevel.Information,
        Message = "Ended the live stream of {ClientId}: it may no longer read the inventory")]
    public static partial void StreamEnded(ILogger logger, string clientId);

    [LoggerMessage(EventId = 3101, EventName = "LiveAccessCheckFailed", Level = LogLevel.Warning,
        Message = "Checking the open live streams failed; retried at the next interval")]
    public static partial void AccessCheckFailed(ILogger logger, Exception exception);
}
