using Microsoft.Extensions.FileProviders;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.Inventory.Extensions;

internal static class InventoryPipelineExtensions
{
    public const string UiPath = "/ui";

    /// <summary>The page's policy: only our own origin, no inline script; styles inline for the graph library.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static WebApplication UseInventoryPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestCharsets();
        app.UseOperatorPage();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }

    /// <summary>The operator page: static files copied beside the assembly (so it works however the service is started).</summary>
    private static void UseOperatorPage(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot", "ui");
        var files = new PhysicalFileProvider(root);
        app.Use(async (context, next) =>
        {
            // Exactly "/ui" (route matching would also take "/ui/"): relative links of the page need the slash.
            if (string.Equals(context.Request.Path.Value, UiPath, StringComparison.Ordinal))
            {
                context.Response.Redirect(UiPath + "/");
                return;
            }

            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = UiPath });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = UiPath,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
    }
}
