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

// The one public entry point.
var gateway = builder.AddProject<Projects.NhiPlatform_Gateway>(NhiResources.Gateway)
    .WithServiceHttpEndpoint()
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(cache).WaitFor(cache)
    .WithReference(tokens).WaitFor(tokens)
    .WithReference(inventory)
    .WithReference(echo);

// The issuer (iss) is the gateway's public base URL: the token service issues it, the others check it.
tokens.WithIssuer(gateway);
inventory.WithIssuer(gateway);
gateway.WithIssuer(gateway);

builder.Build().Run();
