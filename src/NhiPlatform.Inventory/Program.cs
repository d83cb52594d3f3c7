using NhiPlatform.Inventory.Apis;
using NhiPlatform.Inventory.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInventory();

var app = builder.Build();
app.UseInventoryPipeline();
app.MapDefaultEndpoints();
app.MapUsageApi();
app.MapIdentitiesApi();
app.MapCallersApi();
app.MapTokensApi();
app.MapCredentialsApi();
app.MapFindingsApi();
app.MapSearchApi();
app.MapExportApi();
app.MapLiveApi();
app.Run();
