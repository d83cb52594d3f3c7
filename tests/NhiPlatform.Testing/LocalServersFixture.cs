using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Testing.Servers.Postgres;
using NhiPlatform.Testing.Servers.Processes;
using NhiPlatform.Testing.Servers.Redis;
using Xunit;

namespace NhiPlatform.Testing;

/// <summary>
/// One real PostgreSQL 15 cluster and one real redis-server for a test assembly, started by its own
/// starters on free loopback ports in a fresh temporary directory, and removed (processes stopped, directory
/// deleted) at dispose. Share it through an xunit collection (see README.md); each test class takes its own
/// <see cref="TestEnvironment"/>. When a binary is missing or a server cannot start, initialization throws with what
/// is missing and how to install it: the tests fail, they are never skipped.
/// </summary>
public sealed class LocalServersFixture : IAsyncLifetime
{
    /// <summary>Redis logical databases: 0 is left to administration, 1..255 go to test environments.</summary>
    public const int RedisDatabases = 256;

    private int _environments;
    private TemporaryDirectory? _directory;
    private PostgresServer? _postgres;
    private RedisServer? _redis;

    /// <summary>The superuser's connection string to the <c>postgres</c> database.</summary>
    public string PostgresAdminConnectionString => Postgres.ConnectionString(PostgresServer.Superuser);

    public int PostgresPort => Postgres.Port;

    /// <summary><c>127.0.0.1:PORT</c> (logical database 0).</summary>
    public string RedisConnectionString => Redis.ConnectionString;

    public int RedisPort => Redis.Port;

    public bool IsPostgresRunning => Postgres.IsRunning;

    public bool IsRedisRunning => Redis.IsRunning;

    /// <summary>The postmaster's process id while it runs.</summary>
    public int? PostgresProcessId => Postgres.ProcessId;

    public int? RedisProcessId => Redis.ProcessId;

    /// <summary>Where the servers keep their data and logs (<c>logs/postgres.log</c>, <c>logs/redis.log</c>).</summary>
    public string DirectoryPath => (_directory ?? throw NotStarted()).Path;

    private PostgresServer Postgres => _postgres ?? throw NotStarted();

    private RedisServer Redis => _redis ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("servers", CancellationToken.None);
        var launcher = new ChildProcessLauncher(
            Path.Combine(_directory.Path, "logs"),
            echoToConsole: false,
            new PidFile(_directory.PidFilePath),
            TimeProvider.System,
            NullLogger<ChildProcessLauncher>.Instance);
        _postgres = new PostgresServer(
            new PostgresServerOptions { DataDirectory = Path.Combine(_directory.Path, "postgres"), Durable = false },
            launcher,
            NullLogger<PostgresServer>.Instance);
        _redis = new RedisServer(
            new RedisServerOptions { DataDirectory = Path.Combine(_directory.Path, "redis"), Databases = RedisDatabases },
            launcher,
            NullLogger<RedisServer>.Instance);
        try
        {
            await Task.WhenAll(_postgres.StartAsync(CancellationToken.None), _redis.StartAsync(CancellationToken.None));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh database <c>t_&lt;n&gt;</c> and Redis logical database <c>n</c>, used by no one else.</summary>
    public async Task<TestEnvironment> CreateEnvironmentAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _environments);
        if (number >= RedisDatabases)
        {
            throw new InvalidOperationException(
                $"Only {RedisDatabases - 1} test environments per fixture (Redis logical databases 1..{RedisDatabases - 1}).");
        }

        var database = string.Create(CultureInfo.InvariantCulture, $"t_{number}");
        await Postgres.CreateDatabaseIfMissingAsync(database, cancellationToken);
        return new TestEnvironment(
            Postgres.ConnectionString(database),
            string.Create(CultureInfo.InvariantCulture, $"{Redis.ConnectionString},defaultDatabase={number}"));
    }

    /// <summary>Fast shutdown of PostgreSQL; connection strings stay valid for <see cref="StartPostgresAsync"/>.</summary>
    public Task StopPostgresAsync() => Postgres.StopAsync();

    /// <summary>Starts PostgreSQL again, on the same port with the same data.</summary>
    public Task StartPostgresAsync(CancellationToken cancellationToken) => Postgres.StartAsync(cancellationToken);

    public async Task RestartPostgresAsync(CancellationToken cancellationToken)
    {
        await StopPostgresAsync();
        await StartPostgresAsync(cancellationToken);
    }

    /// <summary>Stops redis-server (SIGTERM: the append-only file is flushed, so data survives a restart).</summary>
    public Task StopRedisAsync() => Redis.StopAsync();

    /// <summary>Starts redis-server again, on the same port with the same data.</summary>
    public Task StartRedisAsync(CancellationToken cancellationToken) => Redis.StartAsync(cancellationToken);

    public async Task RestartRedisAsync(CancellationToken cancellationToken)
    {
        await StopRedisAsync();
        await StartRedisAsync(cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null || _redis is not null)
        {
            await Task.WhenAll(_postgres?.StopAsync() ?? Task.CompletedTask, _redis?.StopAsync() ?? Task.CompletedTask);
        }

        _directory?.Dispose();
    }

    private static InvalidOperationException NotStarted() =>
        new("The servers are not started: LocalServersFixture.InitializeAsync has not run (or failed).");
}
