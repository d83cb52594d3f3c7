namespace NhiPlatform.TokenService.Credentials;

/// <summary>Log messages of credential handling (2150-2169). Never a secret, an assertion or key material.</summary>
internal static partial class CredentialsLog
{
    [LoggerMessage(EventId = 2150, EventName = "CredentialUsageFlushFailed", Level = LogLevel.Warning,
        Message = "Could not record last use of {Count} credentials")]
    public static partial void UsageFlushFailed(ILogger logger, Exception exception, int count);
}
