namespace NhiPlatform.Inventory.Findings;

/// <summary>Log messages of findings and the lifecycle policy (3050-3099).</summary>
internal static partial class FindingsLog
{
    [LoggerMessage(EventId = 3050, EventName = "FindingsEvaluated", Level = LogLevel.Information,
        Message = "Findings evaluated: {Detected} hold, {New} new or reopened")]
    public static partial void Evaluated(ILogger logger, int detected, int @new);

    [LoggerMessage(EventId = 3051, EventName = "FindingsEvaluationFailed", Level = LogLevel.Warning,
        Message = "Findings evaluation failed; retried at the next interval")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3052, EventName = "WebhookSent", Level = LogLevel.Information,
        Message = "Webhook told of {Count} new high-severity findings")]
    public static partial void WebhookSent(ILogger logger, int count);

    [LoggerMessage(EventId = 3053, EventName = "WebhookFailed", Level = LogLevel.Warning,
        Message = "Webhook for {Count} new high-severity findings failed")]
    public static partial void WebhookFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 3054, EventName = "FindingStatusChanged", Level = LogLevel.Information,
        Message = "Finding {FindingId} set to {Status} by {ClientId}")]
    public static partial void StatusChanged(ILogger logger, long findingId, string status, string clientId);

    [LoggerMessage(EventId = 3060, EventName = "DormantIdentityDisabled", Level = LogLevel.Information,
        Message = "Lifecycle policy disabled dormant identity {ClientId}")]
    public static partial void Disabled(ILogger logger, string clientId);

    [LoggerMessage(EventId = 3061, EventName = "DormantIdentityDisableFailed", Level = LogLevel.Warning,
        Message = "Lifecycle policy could not disable dormant identity {ClientId}: status {Status}")]
    public static partial void DisableFailed(ILogger logger, string clientId, int status);
}
