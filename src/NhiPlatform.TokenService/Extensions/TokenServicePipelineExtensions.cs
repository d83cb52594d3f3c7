using NhiPlatform.ServiceDefaults;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.TokenService.Extensions;

internal static class TokenServicePipelineExtensions
{
    public static WebApplication UseTokenServicePipeline(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestCharsets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }
}
