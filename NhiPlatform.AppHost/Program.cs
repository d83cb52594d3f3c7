using NhiPlatform.AppHost;
using NhiPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

// Backing resources: one PostgreSQL database (a schema per service) and one Redis, both kept across runs.
var postgres = builder.AddPostgres(NhiResources.Postgres)
    .WithDataVolume();
var nhidb = postgres.AddDatabase(NhiResources.Database);

var cache = builder.AddRedis(NhiResources.Cache)
    .WithDataVolume()
    .WithPersistence(TimeSpan.FromSeconds(10))
    .WithoutDeveloperTls();

// Services: each waits for what it cannot start without.
var tokens = builder.AddProject<Projects.NhiPlatform_TokenService>(NhiResources.Tokens)
    .WithServiceHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(nhidb).WaitFor(nhidb)
    .WithReference(cache).WaitFor(cache)
    .WithBootstrapCredentialsFile();

var inventory = builder.AddProject<Projects.NhiPlatform_Inventory>(NhiResources.Inventory)
    .WithServiceHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithReference(nhidb).WaitFor(nhidb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(tokens).WaitFor(tokens);

var echo = builder.AddProject<Projects.NhiPlatform_Samples_Echo>(NhiResources.Echo)
    .WithServiceHttpEndpoint()
    .WithHttpHealthCheck("/health");

var billing = builder.AddProject<Projects.NhiPlatform_Samples_Billing>(NhiResources.Billing)
    .WithServiceHttpEndpoint()
    .WithHttpHealthCheck("/health");

// Declared before the gateway, which routes to it; it starts once its identity is seeded (below).
var orders = builder.AddProject<Projects.NhiPlatform_Samples_Orders>(NhiResources.Orders)
    .WithServiceHttpEndpoint()
    .WithHttpHealthCheck("/health")
    .WithSampleCredentialsFile();

// The one public entry point.
var gateway = builder.AddProject<Projects.NhiPlatform_Gateway>(NhiResources.Gateway)
    .WithServiceHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithProcessEnvironment(NhiProcessEnvironment.Gateway)
    .WithReference(cache).WaitFor(cache)
    .WithReference(tokens).WaitFor(tokens)
    .WithReference(inventory)
    .WithReference(echo)
    .WithReference(billing)
    .WithReference(orders);

// The issuer (iss) is the gateway's public base URL: the token service issues it, the others check it.
tokens.WithIssuer(gateway);
inventory.WithIssuer(gateway);
gateway.WithIssuer(gateway);

// Samples last: register the orders identity through the gateway, then start orders with its credentials.
var seed = builder.AddSampleSeed(gateway);
orders.WithIssuer(gateway).WaitForCompletion(seed);

builder.Build().Run();
