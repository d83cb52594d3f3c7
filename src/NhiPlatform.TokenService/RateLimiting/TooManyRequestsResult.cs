using System.Globalization;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.RateLimiting;

/// <summary>429 with <c>Retry-After</c> (RFC 6585 §4) and an OAuth-shaped body, never cached.</summary>
internal sealed class TooManyRequestsResult(int retryAfterSeconds) : IResult
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(new OAuthErrorResponse(OAuthErrors.TooManyRequests, "Too many requests; retry later."),
            ProtocolJsonContext.Default.OAuthErrorResponse, contentType: "application/json", httpContext.RequestAborted);
    }
}
