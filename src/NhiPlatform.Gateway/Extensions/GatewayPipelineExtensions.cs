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
}
