using Microsoft.Extensions.Logging;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Log messages of the OAuth protocol endpoints (2000-2049). Client ids and token ids only: no secret, no token.</summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(EventId = 2000, EventName = "TokenIssued", Level = LogLevel.Information,
        Message = "Issued access token {TokenId} to {ClientId} with scope '{Scope}', expires {ExpiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string clientId, string tokenId, string scope, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2001, EventName = "ClientAuthenticationFailed", Level = LogLevel.Warning,
        Message = "Client authentication failed for {ClientId}: {Reason}")]
    public static partial void ClientAuthenticationFailed(ILogger logger, string? clientId, string reason);

    [LoggerMessage(EventId = 2002, EventName = "ScopeRefused", Level = LogLevel.Information,
        Message = "Refused a scope request of {ClientId}: outside its allowed scopes")]
    public static partial void ScopeRefused(ILogger logger, string clientId);

    [LoggerMessage(EventId = 2003, EventName = "ProtocolFailure", Level = LogLevel.Error,
        Message = "Unhandled failure on {Path}")]
    public static partial void ProtocolFailure(ILogger logger, Exception exception, string path);
}
