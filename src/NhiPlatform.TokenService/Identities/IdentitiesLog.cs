namespace NhiPlatform.TokenService.Identities;

/// <summary>Log messages of identity administration and the outbox (2100-2149). Client ids only, never a secret.</summary>
internal static partial class IdentitiesLog
{
    [LoggerMessage(EventId = 2100, EventName = "OutboxDelivered", Level = LogLevel.Debug,
        Message = "Delivered {Count} outbox messages to Redis")]
    public static partial void OutboxDelivered(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, EventName = "OutboxDeliveryFailed", Level = LogLevel.Warning,
        Message = "Outbox delivery failed; undelivered messages stay in the outbox and are retried")]
    public static partial void OutboxDeliveryFailed(ILogger logger, Exception exception);
}
