namespace NhiPlatform.TokenService.KeyProtection;

internal static partial class KeyProtectionLog
{
    [LoggerMessage(EventId = 2180, EventName = "KeyRingReencrypted", Level = LogLevel.Information,
        Message = "Re-encrypted {Count} stored Data Protection key(s) under key-encryption key {KeyId}")]
    public static partial void KeyRingReencrypted(ILogger logger, int count, string keyId);

    [LoggerMessage(EventId = 2181, EventName = "KeyRingUnencrypted", Level = LogLevel.Warning,
        Message = "No key-encryption key is configured (development): the Data Protection key ring is stored unencrypted")]
    public static partial void KeyRingUnencrypted(ILogger logger);
}
