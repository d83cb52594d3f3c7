using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.RateLimiting;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: per-client token-request limits and failed-authentication limits per client id and source, counted
/// in Redis so every replica enforces the same budget. A refusal is 429 with <c>Retry-After</c> (end of the window).
/// The source is the connection's peer, or the address a trusted proxy forwarded (ServiceDefaults' trusted proxies);
/// keyed by client id too, so one caller's failures never lock out other clients behind the same proxy.
/// </summary>
internal sealed class TokenRateLimiter(IRateLimitCounter counter, IOptions<RateLimitOptions> options, TimeProvider timeProvider, ILogger<TokenRateLimiter> logger)
{
    /// <summary>429 when this client id already failed too often from this source in this window (checked before authenticating).</summary>
    public async Task<IResult?> FailuresBlockedAsync(HttpContext context, string? clientId, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        if (await counter.ReadAsync(FailureKey(source, clientId), start, cancellationToken) < options.Value.FailedAuthenticationsPerClientAndSource)
        {
            return null;
        }

        ProtocolLog.RateLimited(logger, "failed authentications", source, retryAfter);
        return new TooManyRequestsResult(retryAfter);
    }

    /// <summary>Counts a failed authentication of the client id from the source; 429 once it is over the limit, else null.</summary>
    public async Task<IResult?> FailedAuthenticationAsync(HttpContext context, string? clientId, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        var count = await counter.IncrementAsync(FailureKey(source, clientId), start, options.Value.Window, cancellationToken);
        if (count <= options.Value.FailedAuthenticationsPerClientAndSource)
        {
            return null;
        }

        ProtocolLog.RateLimited(logger, "failed authentications", source, retryAfter);
        return new TooManyRequestsResult(retryAfter);
    }

    /// <summary>
    /// For an authenticated token request, in one round trip: 429 when the client is blocked from its source for failed
    /// authentications, or when it is over its token-request limit (counted); else null.
    /// </summary>
    public async Task<IResult?> TokenRequestAsync(HttpContext context, string clientId, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        var (failures, count) = await counter.CheckAuthenticatedAsync(
            FailureKey(source, clientId), $"client:{clientId}", options.Value.FailedAuthenticationsPerClientAndSource, start, options.Value.Window, cancellationToken);
        if (count < 0 || failures >= options.Value.FailedAuthenticationsPerClientAndSource)
        {
            ProtocolLog.RateLimited(logger, "failed authentications", source, retryAfter);
            return new TooManyRequestsResult(retryAfter);
        }

        if (count <= options.Value.TokenRequestsPerClient)
        {
            return null;
        }

        ProtocolLog.RateLimited(logger, "token requests", clientId, retryAfter);
        return new TooManyRequestsResult(retryAfter);
    }

    private (DateTimeOffset Start, int RetryAfterSeconds) Window()
    {
        var now = timeProvider.GetUtcNow();
        var windowMs = (long)options.Value.Window.TotalMilliseconds;
        var startMs = now.ToUnixTimeMilliseconds() / windowMs * windowMs;
        var retryAfter = (int)Math.Ceiling((startMs + windowMs - now.ToUnixTimeMilliseconds()) / 1000.0);
        return (DateTimeOffset.FromUnixTimeMilliseconds(startMs), Math.Max(1, retryAfter));
    }

    private static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// A request without a client id (a malformed one) counts against its source alone. The client id is hashed: it is
    /// the caller's text, of any length, and becomes part of a Redis key.
    /// </summary>
    private static string FailureKey(string source, string? clientId) =>
        clientId is null ? $"fail:{source}" : $"fail:{source}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)).AsSpan(0, 16))}";
}
