using NhiPlatform.Samples.Echo.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddSingleton<ReceivedRequests>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEchoApi();
app.Run();
