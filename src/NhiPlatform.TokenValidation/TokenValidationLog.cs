using Microsoft.Extensions.Logging;

namespace NhiPlatform.TokenValidation;

/// <summary>Log messages of token validation. Shared library: ids 150-199 of every service's range are left to it.</summary>
internal static partial class TokenValidationLog
{
    [LoggerMessage(EventId = 150, EventName = "TokenRejected", Level = LogLevel.Information,
        Message = "Access token rejected ({Failure}); unverified jti {TokenId}")]
    public static partial void TokenRejected(ILogger logger, string failure, string? tokenId);
}
