using Microsoft.Extensions.Logging;

namespace NhiPlatform.Client;

/// <summary>Log messages of the client library (5000-5049). Client ids and times only: never a secret or token.</summary>
internal static partial class NhiClientLog
{
    [LoggerMessage(EventId = 5000, EventName = "TokenAcquired", Level = LogLevel.Debug,
        Message = "Acquired an access token for {ClientId} (scope '{Scope}'), expires {ExpiresAt:O}")]
    public static partial void TokenAcquired(ILogger logger, string clientId, string? scope, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5001, EventName = "TokenRenewalFailed", Level = LogLevel.Warning,
        Message = "Renewing the access token of {ClientId} failed; using the current one until {ExpiresAt:O}")]
    public static partial void RenewalFailedUsingCurrent(ILogger logger, Exception exception, string clientId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5002, EventName = "TokenRejectedRetrying", Level = LogLevel.Information,
        Message = "{Method} {Host} answered 401 invalid_token for {ClientId}'s token; renewing it and retrying once")]
    public static partial void RejectedRetrying(ILogger logger, string method, string? host, string clientId);
}
