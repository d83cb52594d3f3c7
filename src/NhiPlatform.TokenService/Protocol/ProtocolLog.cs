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

    [LoggerMessage(EventId = 2004, EventName = "TargetRefused", Level = LogLevel.Information,
        Message = "Refused a resource request of {ClientId}: outside its allowed audiences")]
    public static partial void TargetRefused(ILogger logger, string clientId);

    [LoggerMessage(EventId = 2005, EventName = "TokenExchanged", Level = LogLevel.Information,
        Message = "{ClientId} exchanged token {SubjectTokenId} of {Subject} for token {TokenId} with scope '{Scope}'")]
    public static partial void TokenExchanged(ILogger logger, string clientId, string subject, string subjectTokenId, string tokenId, string scope);

    [LoggerMessage(EventId = 2006, EventName = "TokenExchangeRefused", Level = LogLevel.Information,
        Message = "Refused a token exchange by {ClientId}: {Reason}")]
    public static partial void ExchangeRefused(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 2007, EventName = "TokenRevoked", Level = LogLevel.Information,
        Message = "{ClientId} revoked token {TokenId} of {Owner}")]
    public static partial void TokenRevoked(ILogger logger, string clientId, string tokenId, string owner);

    [LoggerMessage(EventId = 2008, EventName = "TokenIntrospected", Level = LogLevel.Debug,
        Message = "{ClientId} introspected a token: active {Active}")]
    public static partial void TokenIntrospected(ILogger logger, string clientId, bool active);

    [LoggerMessage(EventId = 2040, EventName = "DPoPProofRefused", Level = LogLevel.Information,
        Message = "Refused the DPoP proof of {ClientId}: {Error}")]
    public static partial void DPoPProofRefused(ILogger logger, string clientId, string error);

    [LoggerMessage(EventId = 2041, EventName = "DPoPProofUnavailable", Level = LogLevel.Warning,
        Message = "Refused the DPoP token request of {ClientId}: the proof's replay check is unavailable (fail closed)")]
    public static partial void DPoPProofUnavailable(ILogger logger, string clientId);

    [LoggerMessage(EventId = 2009, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Rate limited {Kind} for {Key}; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string kind, string key, int retryAfterSeconds);
}
