namespace NhiPlatform.Gateway.Revocation;

/// <summary>Log messages of revocation (1050-1069).</summary>
internal static partial class RevocationLog
{
    [LoggerMessage(EventId = 1050, EventName = "RevocationsLoaded", Level = LogLevel.Information,
        Message = "Revocations loaded from Redis: {TokenCount} tokens, {IdentityCount} identity cut-offs")]
    public static partial void Loaded(ILogger logger, int tokenCount, int identityCount);

    [LoggerMessage(EventId = 1051, EventName = "RevocationsLoadFailed", Level = LogLevel.Warning,
        Message = "Could not load revocations from Redis; retrying in {DelayMs} ms")]
    public static partial void LoadFailed(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(EventId = 1052, EventName = "RevocationApplied", Level = LogLevel.Information,
        Message = "Revocation applied: {Kind} jti {TokenId} client {ClientId}")]
    public static partial void Applied(ILogger logger, string kind, string? tokenId, string? clientId);

    [LoggerMessage(EventId = 1053, EventName = "RevocationMessageInvalid", Level = LogLevel.Warning,
        Message = "Ignored an unreadable message on the revocation channel")]
    public static partial void MessageInvalid(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 1054, EventName = "RevocationResyncRequested", Level = LogLevel.Information,
        Message = "Redis connection {ConnectionType} restored: reloading revocations")]
    public static partial void ResyncRequested(ILogger logger, string connectionType);

    [LoggerMessage(EventId = 1055, EventName = "RevocationStateNotLoaded", Level = LogLevel.Warning,
        Message = "Token refused: revocations not loaded from Redis yet (fail closed)")]
    public static partial void NotLoaded(ILogger logger);
}
