using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.AppHost;
using NhiPlatform.AppHost.ProjectLaunch;
using NhiPlatform.AppHost.RunState;
using NhiPlatform.Contracts;

RunClock.Start();
var builder = DistributedApplication.CreateBuilder(args);
var run = RunSettings.From(builder);
builder.LaunchProjectsFromBuildOutput();

// Backing resources: one PostgreSQL database (a schema per service) and one Redis.
// Run mode: local processes, data in .nhi/data; publish mode: containers.
var nhidb = builder.AddNhiDatabase(run);
var cache = builder.AddNhiCache(run);

// Services: each waits for what it cannot start without.
var tokens = builder.AddProject<Projects.NhiPlatform_TokenService>(NhiResources.Tokens)
    .WithServiceEndpoint()
    .WithDatabase(nhidb)
    .WithCache(cache)
    .WithKeyEncryptionKey()
    .WithGatewayAsTrustedProxy()
    .WithLoopbackHttpIssuers()
    .WithBootstrapCredentialsFile(run);

var inventory = builder.AddProject<Projects.NhiPlatform_Inventory>(NhiResources.Inventory)
    .WithServiceEndpoint()
    .WithDatabase(nhidb)
    .WithCache(cache)
    .WithReference(tokens).WaitFor(tokens)
    .WithDemoFindingWindows(run);

// Samples behind the gateway: echo, billing, and orders, which charges billing through the gateway.
var echo = builder.AddProject<Projects.NhiPlatform_Samples_Echo>(NhiResources.Echo)
    .WithServiceEndpoint();

var billing = builder.AddProject<Projects.NhiPlatform_Samples_Billing>(NhiResources.Billing)
    .WithServiceEndpoint();

var orders = builder.AddProject<Projects.NhiPlatform_Samples_Orders>(NhiResources.Orders)
    .WithServiceEndpoint()
    .WithSampleCredentialsFile(run);

// The one public entry point.
var gateway = builder.AddProject<Projects.NhiPlatform_Gateway>(NhiResources.Gateway)
    .WithGatewayEndpoint(run)
    .WithCache(cache)
    .WithReference(tokens).WaitFor(tokens)
    .WithReference(inventory)
    .WithReference(echo)
    .WithReference(billing)
    .WithReference(orders)
    .WithUsageSpillDirectory(run);

// The issuer (iss) is the gateway's public base URL: the token service issues it, the others check it.
tokens.WithIssuer(gateway);
inventory.WithIssuer(gateway);
gateway.WithIssuer(gateway);

// Samples last: register their identities through the gateway, then start orders (and the demo's traffic).
var seed = builder.AddSampleSeed(gateway, run);
orders.WithIssuer(gateway).WaitForCompletion(seed);
List<IResourceBuilder<ProjectResource>> samples = [echo, billing, orders];
if (run.Demo)
{
    samples.Add(builder.AddDemoTraffic(gateway, run).WaitFor(orders));
}

// Run mode: .nhi/endpoints.json and the start-up banner once everything is healthy; a quick, graceful stop.
if (builder.ExecutionContext.IsRunMode)
{
    builder.Services.AddSingleton(run);
    var topology = new RunTopology
    {
        Gateway = gateway.Resource, Tokens = tokens.Resource, Inventory = inventory.Resource,
        Samples = [.. samples.Select(sample => sample.Resource)], Database = nhidb.Resource, Cache = cache.Resource,
    };
    builder.Services.AddSingleton(topology);
    StartupProgress.ReportWhileStarting(builder, topology);
    builder.Services.AddHostedService<RunStateWriter>();
    builder.Services.AddHostedService<ServiceStopper>();
    StartingHealthPolling.PollStartingResources(builder);
}

builder.Build().Run();
