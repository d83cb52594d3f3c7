namespace NhiPlatform.TokenService.Signing;

/// <summary>Log messages of signing-key management (2070-2099). Key ids only, never key material.</summary>
internal static partial class SigningLog
{
    [LoggerMessage(EventId = 2070, EventName = "SigningKeyRotated", Level = LogLevel.Information,
        Message = "{Actor} rotated signing keys: {KeyId} ({Algorithm}) is published now and signs from {ActivatesAt:O}")]
    public static partial void KeyRotated(ILogger logger, string keyId, string algorithm, DateTimeOffset activatesAt, string actor);

    [LoggerMessage(EventId = 2071, EventName = "SigningKeyRevoked", Level = LogLevel.Warning,
        Message = "{Actor} revoked signing key {KeyId}; it is no longer published")]
    public static partial void KeyRevoked(ILogger logger, string keyId, string actor);

    [LoggerMessage(EventId = 2072, EventName = "SigningKeyChangeNotificationFailed", Level = LogLevel.Warning,
        Message = "Could not announce a signing-key change over Redis; replicas reload on their timer")]
    public static partial void ChangeNotificationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2073, EventName = "SigningKeyMaintenanceFailed", Level = LogLevel.Warning,
        Message = "Signing-key reload or scheduled rotation failed; retrying on the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}
