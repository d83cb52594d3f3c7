namespace NhiPlatform.Gateway.Authentication;

/// <summary>Log messages of caller authentication (1070-1089).</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 1070, EventName = "SigningKeysLoaded", Level = LogLevel.Information,
        Message = "Token service signing keys loaded at start-up: {KeyCount} keys")]
    public static partial void KeysLoaded(ILogger logger, int keyCount);

    [LoggerMessage(EventId = 1071, EventName = "SigningKeysUnavailable", Level = LogLevel.Warning,
        Message = "Token service signing keys not available at start-up; they are fetched on the first request")]
    public static partial void KeysUnavailable(ILogger logger, Exception exception);
}
