using NhiPlatform.Samples.Orders.Apis;
using NhiPlatform.Samples.Orders.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOrders();

var app = builder.Build();
app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapOrdersApi();
app.Run();
