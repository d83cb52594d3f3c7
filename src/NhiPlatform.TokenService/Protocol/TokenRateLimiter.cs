using System.Net;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.RateLimiting;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage: per-client token-request limits and per-source failed-authentication limits, counted in Redis
/// so every replica enforces the same budget. A refusal is 429 with <c>Retry-After</c> (end of the window).
/// </summary>
internal sealed class TokenRateLimiter(IRateLimitCounter counter, IOptions<RateLimitOptions> options, TimeProvider timeProvider, ILogger<TokenRateLimiter> logger)
{
    /// <summary>429 when the source already failed too often in this window (checked before authenticating).</summary>
    public async Task<IResult?> SourceBlockedAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        if (await counter.ReadAsync($"fail:{source}", start, cancellationToken) < options.Value.FailedAuthenticationsPerSource)
        {
            return null;
        }

        ProtocolLog.RateLimited(logger, "failed authentications", source, retryAfter);
        return new TooManyRequestsResult(retryAfter);
    }

    /// <summary>Counts a failed authentication of the source; 429 once it is over the limit, else null.</summary>
    public async Task<IResult?> FailedAuthenticationAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        var count = await counter.IncrementAsync($"fail:{source}", start, options.Value.Window, cancellationToken);
        if (count <= options.Value.FailedAuthenticationsPerSource)
        {
            return null;
        }

        ProtocolLog.RateLimited(logger, "failed authentications", source, retryAfter);
        return new TooManyRequestsResult(retryAfter);
    }

    /// <summary>
    /// For an authenticated token request, in one round trip: 429 when its source is blocked for failed
    /// authentications, or when the client is over its token-request limit (counted); else null.
    /// </summary>
    public async Task<IResult?> TokenRequestAsync(HttpContext context, string clientId, CancellationToken cancellationToken)
    {
        var (start, retryAfter) = Window();
        var source = Source(context);
        var (failures, count) = await counter.CheckAuthenticatedAsync(
            $"fail:{source}", $"client:{clientId}", options.Value.FailedAuthenticationsPerSource, start, options.Value.Window, cancellationToken);
        if (count < 0 || failures >= options.Value.FailedAuthenticationsPerSource)
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

    private string Source(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (options.Value.TrustLoopbackForwardedFor && peer is not null && IPAddress.IsLoopback(peer)
            && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',')[0].Trim();
            if (IPAddress.TryParse(first, out var address))
            {
                return address.ToString();
            }
        }

        return peer?.ToString() ?? "unknown";
    }
}
