using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.AppHost.RunState;

namespace NhiPlatform.AppHost.LocalServers;

/// <summary>
/// PostgreSQL and Redis as local processes under the orchestrator, for run mode on a machine without a container
/// engine. Each provides a connection string and a health check, so <c>WaitFor</c> means "accepting connections".
/// </summary>
internal static class LocalServerExtensions
{
    private const string ScriptsFolder = "LocalServers";

    /// <summary>
    /// <c>postgres-init</c> (initdb once), the server (<paramref name="name"/>, stopped by the orchestrator as a fast
    /// shutdown), and <c>postgres-setup</c> (the services' role and database, every start). The server is healthy once
    /// the services' role can log in to the database.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string databaseName, RunSettings run)
    {
        var binaries = PostgresBinaries.Locate(run.PostgresBinDirectory);
        var scripts = Path.Combine(builder.AppHostDirectory, ScriptsFolder);
        var cluster = Path.Combine(run.DataDirectory, "postgres15");
        var socket = SocketDirectory(run.DataDirectory);
        var port = LoopbackPorts.GetFreePort();
        var password = builder.AddParameter(
            $"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

        var init = builder.AddExecutable($"{name}-init", "bash", scripts,
            "postgres-init.sh", binaries.BinDirectory, cluster, socket, binaries.RunAsArgument);

        // Under postgres-server.sh, so the orchestrator's stop is a fast shutdown rather than a smart one that never ends.
        var (command, prefix) = binaries.Command("postgres");
        var server = builder.AddResource(new LocalPostgresResource(name, "bash", scripts, password.Resource) { DatabaseName = databaseName })
            .WithArgs(["postgres-server.sh", command, .. prefix,
                "-D", cluster,
                "-c", "listen_addresses=127.0.0.1",
                "-c", "port=" + port.ToString(CultureInfo.InvariantCulture),
                "-c", "unix_socket_directories=" + socket,
                "-c", "max_connections=200"])
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresResource.EndpointName, isProxied: false)
            .WaitForCompletion(init)
            .WithConnectionStringHealthCheck((checks, key, connectionString) => checks.AddNpgSql(_ => connectionString(), name: key));

        builder.AddExecutable($"{name}-setup", "bash", scripts,
                "postgres-setup.sh", binaries.BinDirectory, socket, port.ToString(CultureInfo.InvariantCulture),
                LocalPostgresResource.RoleName, databaseName, binaries.RunAsArgument)
            .WithEnvironment("NHI_DB_PASSWORD", password)
            .WaitForStart(server)
            .WithParentRelationship(server);
        return server;
    }

    /// <summary>redis-server with a generated password and an append-only file in <c>&lt;data&gt;/redis</c>.</summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name, RunSettings run)
    {
        var scripts = Path.Combine(builder.AppHostDirectory, ScriptsFolder);
        var port = LoopbackPorts.GetFreePort();
        var password = builder.AddParameter(
            $"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        return builder.AddResource(new LocalRedisResource(name, "bash", scripts, password.Resource))
            .WithArgs("redis-server.sh", Path.Combine(run.DataDirectory, "redis"), port.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("NHI_REDIS_PASSWORD", password)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRedisResource.EndpointName, isProxied: false)
            .WithConnectionStringHealthCheck((checks, key, connectionString) => checks.AddRedis(_ => connectionString(), name: key));
    }

    /// <summary>
    /// Registers an AppHost-side health check that reads the resource's connection string once it is known, as
    /// Aspire's own PostgreSQL and Redis resources do.
    /// </summary>
    private static IResourceBuilder<T> WithConnectionStringHealthCheck<T>(
        this IResourceBuilder<T> resource, Func<IHealthChecksBuilder, string, Func<string>, IHealthChecksBuilder> register)
        where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        var key = $"{resource.Resource.Name}-ready";
        resource.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource.Resource, async (_, cancellationToken) =>
            connectionString = await resource.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
        register(resource.ApplicationBuilder.Services.AddHealthChecks(), key,
            () => connectionString ?? throw new InvalidOperationException($"The connection string of '{resource.Resource.Name}' is not known yet."));
        return resource.WithHealthCheck(key);
    }

    /// <summary>A Unix socket path must stay under 108 bytes; a deep data directory gets one under /tmp instead.</summary>
    private static string SocketDirectory(string dataDirectory)
    {
        var inData = Path.Combine(dataDirectory, "postgres-socket");
        if ((inData + "/.s.PGSQL.65535").Length < 100)
        {
            return inData;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return Path.Combine(Path.GetTempPath(), "nhi-pg-" + hash);
    }
}
