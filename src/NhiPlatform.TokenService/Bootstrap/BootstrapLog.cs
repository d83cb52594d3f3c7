namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>Log messages of start-up initialization and break-glass recovery (2050-2069). Paths and client ids only, never the secret.</summary>
internal static partial class BootstrapLog
{
    [LoggerMessage(EventId = 2050, EventName = "BootstrapAdminCreated", Level = LogLevel.Information,
        Message = "Created the bootstrap admin identity {ClientId}; its credentials are in {CredentialsFile}")]
    public static partial void AdminCreated(ILogger logger, string clientId, string credentialsFile);

    [LoggerMessage(EventId = 2051, EventName = "BootstrapCredentialsFileMissing", Level = LogLevel.Warning,
        Message = "The bootstrap admin {ClientId} exists but {CredentialsFile} is missing; its secret cannot be shown again")]
    public static partial void CredentialsFileMissing(ILogger logger, string clientId, string credentialsFile);

    [LoggerMessage(EventId = 2052, EventName = "SigningKeysLoaded", Level = LogLevel.Information,
        Message = "Loaded {Count} published signing keys; signing with {KeyId}")]
    public static partial void SigningKeysLoaded(ILogger logger, int count, string keyId);

    [LoggerMessage(EventId = 2053, EventName = "BreakGlassAdministratorRestored", Level = LogLevel.Warning,
        Message = "Break-glass: {ClientId} is an administrator again with a new secret (older ones ended); its credentials are in {CredentialsFile}")]
    public static partial void BreakGlassRestored(ILogger logger, string clientId, string credentialsFile);

    [LoggerMessage(EventId = 2054, EventName = "BreakGlassRefused", Level = LogLevel.Error,
        Message = "Break-glass refused for {ClientId}: {Reason}")]
    public static partial void BreakGlassRefused(ILogger logger, string clientId, string reason);
}
