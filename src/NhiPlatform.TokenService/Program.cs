using NhiPlatform.TokenService.Apis;
using NhiPlatform.TokenService.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTokenService();

var app = builder.Build();
app.UseTokenServicePipeline();
app.MapDefaultEndpoints();
app.MapDiscoveryApi();
app.MapConnectApi();
app.MapIdentitiesApi();
app.MapCredentialsApi();
app.MapAuditApi();
app.MapSigningKeysApi();
app.Run();
