namespace NhiPlatform.Inventory.Extensions;

internal static class InventoryPipelineExtensions
{
    public static WebApplication UseInventoryPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        return app;
    }
}
