using System.Globalization;
using System.Security.Claims;
using NhiPlatform.Contracts;
using NhiPlatform.Gateway.Routing;
using Yarp.ReverseProxy.Model;

namespace NhiPlatform.Gateway.RateLimiting;

/// <summary>
/// In YARP's proxy pipeline (after authentication and authorization): applies the route's per-identity limit and
/// answers 429 with <c>Retry-After</c> (RFC 6585 §4, RFC 9110 §10.2.3) without forwarding.
/// </summary>
internal sealed class RouteRateLimitMiddleware(RequestDelegate next, IdentityRateLimiter limiter)
{
    public Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        var limit = RouteRateLimit.Of(route);
        var clientId = limit is null ? null : context.User.FindFirstValue(NhiClaims.ClientId);
        if (limit is null || clientId is null || limiter.TryAcquire(route.RouteId, clientId, limit, out var retryAfter))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"error\":\"rate_limited\",\"error_description\":\"Too many requests for this identity on this route.\"}",
            context.RequestAborted);
    }
}
