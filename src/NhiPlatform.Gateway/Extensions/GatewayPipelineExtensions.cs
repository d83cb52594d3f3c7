using NhiPlatform.Gateway.RateLimiting;
using NhiPlatform.Gateway.Usage;

namespace NhiPlatform.Gateway.Extensions;

internal static class GatewayPipelineExtensions
{
    /// <summary>Usage capture first (it must see denials), then routing, authentication, authorization.</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseMiddleware<UsageCaptureMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>YARP's pipeline with the per-identity rate limit in front of its standard steps.</summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RouteRateLimitMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
