using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenValidation;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// Records one usage event per request, allowed or denied, after the response is decided. It runs before
/// authentication so that denials are seen, and enqueues only: the request never waits on Redis.
/// </summary>
internal sealed class UsageCaptureMiddleware(RequestDelegate next, UsageEventChannel channel, TimeProvider timeProvider)
{
    private const int MaxUserAgentLength = 256;
    // What an unverified token claims is the caller's own text: kept for forensics, at a bounded size.
    private const int MaxUnverifiedClaimLength = 256;
    private const int MaxPathLength = 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
            || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath))
        {
            await next(context);
            return;
        }

        var occurredAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var usage = Describe(context, occurredAt, timeProvider.GetElapsedTime(started));
            // Never fails silently: full queue spills to disk; only a refusing disk drops (logged and counted there).
            channel.TryWrite(usage);
        }
    }

    internal static UsageRecordedEvent Describe(HttpContext context, DateTimeOffset occurredAt, TimeSpan latency)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        var failure = context.Features.Get<AccessTokenFailureFeature>();
        var status = context.Response.StatusCode;
        var (decision, reason) = Decide(context, route, failure, status);
        var path = context.Request.Path.Value ?? "/";
        var userAgent = context.Request.Headers.UserAgent.ToString();
        return new UsageRecordedEvent
        {
            EventId = UsageEventIds.Create(occurredAt),
            OccurredAt = occurredAt,
            ClientId = authenticated ? user.FindFirstValue(NhiClaims.ClientId) : null,
            TokenId = authenticated ? user.FindFirstValue(NhiClaims.TokenId) : null,
            Scopes = authenticated ? user.FindFirstValue(NhiClaims.Scope) : null,
            AuthenticationMethod = authenticated ? Bounded(user.FindFirstValue(NhiClaims.AuthenticationMethod), MaxUnverifiedClaimLength) : null,
            CredentialId = authenticated ? Bounded(user.FindFirstValue(NhiClaims.CredentialId), MaxUnverifiedClaimLength) : null,
            UnverifiedIssuer = Bounded(failure?.UnverifiedIssuer, MaxUnverifiedClaimLength),
            UnverifiedSubject = Bounded(failure?.UnverifiedSubject, MaxUnverifiedClaimLength),
            RouteId = route?.Config.RouteId,
            Destination = route?.Cluster?.ClusterId,
            Method = context.Request.Method,
            Path = path.Length > MaxPathLength ? path[..MaxPathLength] : path,
            Status = status,
            LatencyMs = latency.TotalMilliseconds,
            SourceAddress = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length > MaxUserAgentLength ? userAgent[..MaxUserAgentLength] : (userAgent.Length == 0 ? null : userAgent),
            Decision = decision,
            Reason = reason,
        };
    }

    private static string? Bounded(string? value, int length) => value is { Length: > 0 } && value.Length > length ? value[..length] : value;

    private static (string Decision, string? Reason) Decide(HttpContext context, RouteModel? route, AccessTokenFailureFeature? failure, int status)
    {
        // 503: a DPoP proof refused because its replay check was unavailable (fail closed).
        if (failure is not null && status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status503ServiceUnavailable)
        {
            return (UsageDecisions.Denied, failure.Reason);
        }

        if (route is null)
        {
            return (UsageDecisions.Denied, UsageReasons.NoRoute);
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            return (UsageDecisions.Denied, UsageReasons.RateLimited);
        }

        var forwarderError = context.Features.Get<IForwarderErrorFeature>();
        return forwarderError is not null && forwarderError.Error != ForwarderError.None
            ? (UsageDecisions.Allowed, UsageReasons.UpstreamError)
            : (UsageDecisions.Allowed, null);
    }
}
