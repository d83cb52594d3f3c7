using NhiPlatform.Samples.Echo.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEchoApi();
app.Run();
