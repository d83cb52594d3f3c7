using NhiPlatform.TokenService.Apis;
using NhiPlatform.TokenService.Bootstrap;
using NhiPlatform.TokenService.Extensions;

if (BreakGlassCommand.IsRequested(args))
{
    return await BreakGlassCommand.RunAsync(args);
}

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
app.MapFederatedCredentialsApi();
app.MapAuditApi();
app.MapSigningKeysApi();
await app.RunAsync();
return 0;
