using NhiPlatform.Samples.DemoTraffic;

// "seed [--all]": register the sample identities and write their credentials files, then exit (the AppHost runs
// this before it starts the samples). Otherwise: run the demo traffic.
if (args.FirstOrDefault() == "seed")
{
    return await DemoSeedCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDemoTraffic();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
return 0;
