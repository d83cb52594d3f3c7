using System.Globalization;
using Microsoft.Extensions.Logging;
using NhiPlatform.Testing.Servers;
using NhiPlatform.Testing.Servers.Processes;
using Npgsql;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>
/// One PostgreSQL 15 server, the way the test fixture runs it: <c>postgres</c> in the
/// foreground as a child process, listening on 127.0.0.1 only, its Unix socket inside its own directory. Stopping
/// is PostgreSQL's fast shutdown (SIGINT); a restart keeps the port, so connection strings stay valid.
/// </summary>
internal sealed class PostgresServer(
    PostgresServerOptions options, ChildProcessLauncher launcher, ILogger<PostgresServer> logger) : IAsyncDisposable
{
    public const string Superuser = "postgres";
    private const int StartAttempts = 3;
    private ChildProcess? _process;
    private string? _password;
    private bool _portFixed = options.Port != 0;

    public PostgresServerOptions Options { get; } = options;

    public int Port { get; private set; } = options.Port;

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    public string Password => _password ?? throw new InvalidOperationException("The server has not been started.");

    /// <summary>Creates the cluster if needed, starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        var binaries = PostgresBinaries.Locate(Options.BinDirectory);
        _password ??= await PostgresCluster.EnsureInitializedAsync(Options, binaries, logger, cancellationToken);
        await PostgresCluster.EnsureReachableAsync(Options, binaries, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (Port == 0)
            {
                Port = LoopbackPorts.GetFreePort();
            }

            _process = launcher.Start(CreateSpec(binaries));
            var readiness = new PostgresReadinessProbe(_process, AdminConnectionString(Superuser), launcher.TimeProvider);
            var outcome = await readiness.WaitAsync(Options.StartTimeout, cancellationToken);
            if (outcome == PostgresStartOutcome.Ready)
            {
                _portFixed = true;
                PostgresLog.Ready(logger, Port, _process.Id);
                return;
            }

            var tail = _process.Output.Tail();
            await launcher.StopAsync(_process, Options.StopTimeout);
            _process = null;
            if (outcome == PostgresStartOutcome.PortInUse && !_portFixed && attempt < StartAttempts)
            {
                // Another process took the port between our check and the server's bind: try another.
                Port = 0;
                continue;
            }

            throw new ServerStartException(DescribeFailure(outcome, tail));
        }
    }

    /// <summary>Fast shutdown (SIGINT: active transactions are rolled back), killed if it takes too long.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await launcher.StopAsync(process, Options.StopTimeout);
            PostgresLog.Stopped(logger, Port);
        }
    }

    /// <summary><c>Host=127.0.0.1;Port=..;Username=postgres;Password=..;Database=..</c>, the form Aspire gives services.</summary>
    public string ConnectionString(string database) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={Password};Database={database}");

    /// <summary>The same without pooling, for the short administrative sessions of the starter itself.</summary>
    public string AdminConnectionString(string database) => ConnectionString(database) + ";Pooling=false;Timeout=5";

    public async Task CreateDatabaseIfMissingAsync(string database, CancellationToken cancellationToken)
    {
        PostgresDatabaseName.Validate(database);
        await using var connection = new NpgsqlConnection(AdminConnectionString(Superuser));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            PostgresLog.DatabaseCreated(logger, database);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created concurrently: fine.
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ChildProcessSpec CreateSpec(PostgresBinaries binaries)
    {
        var cluster = Options.ClusterDirectory;
        var port = Port.ToString(CultureInfo.InvariantCulture);
        // A Unix socket path is limited to 107 bytes; past that, TCP only (every client here uses TCP anyway).
        var socketDirectory = Path.Combine(cluster, ".s.PGSQL." + port).Length < 100 ? cluster : string.Empty;
        List<string> arguments =
        [
            "-D", cluster,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "port=" + port,
            "-c", "unix_socket_directories=" + socketDirectory,
            "-c", "max_connections=200",
        ];
        if (!Options.Durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var (fileName, wrapped) = binaries.Command(binaries.Server, arguments);
        return new ChildProcessSpec
        {
            Name = Options.Name,
            FileName = fileName,
            Arguments = wrapped,
            StopSignal = UnixProcess.SigInt,
            CommandMarker = cluster,
        };
    }

    private string DescribeFailure(PostgresStartOutcome outcome, string tail)
    {
        var log = launcher.LogFilePath(Options.Name);
        var reason = outcome switch
        {
            PostgresStartOutcome.PortInUse => $"port {Port} on 127.0.0.1 is in use",
            PostgresStartOutcome.Exited => "the server exited",
            _ => $"it did not accept connections within {Options.StartTimeout.TotalSeconds:0} s",
        };
        return $"PostgreSQL did not start: {reason}. See {log}; its last lines:{Environment.NewLine}{tail}";
    }
}
