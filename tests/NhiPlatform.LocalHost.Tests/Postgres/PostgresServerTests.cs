using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.LocalHost.Postgres;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.Testing;
using Npgsql;

namespace NhiPlatform.LocalHost.Tests.Postgres;

public sealed class PostgresServerTests : IAsyncLifetime
{
    private TemporaryDirectory _directory = null!;
    private PostgresServer _server = null!;

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("pg", CancellationToken.None);
        _server = CreateServer(port: 0);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task StartAsync_FreshDirectory_AnswersSelectOneOverScram()
    {
        await _server.StartAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(_server.ConnectionString(PostgresServer.Superuser));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        Assert.True(_server.Port > 0);
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(_server.Options.PasswordFile));
    }

    [Fact]
    public async Task StartAsync_WrongPassword_IsRejected()
    {
        await _server.StartAsync(CancellationToken.None);
        var wrong = _server.ConnectionString(PostgresServer.Superuser).Replace(_server.Password, "not-the-password", StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(wrong);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task StopAsync_Running_ProcessIsGone()
    {
        await _server.StartAsync(CancellationToken.None);
        var processId = _server.ProcessId!.Value;

        await _server.StopAsync();

        Assert.False(_server.IsRunning);
        Assert.Null(UnixProcess.TryDescribe(processId));
    }

    [Fact]
    public async Task StartAsync_AfterStop_KeepsPortPasswordAndData()
    {
        await _server.StartAsync(CancellationToken.None);
        await _server.CreateDatabaseIfMissingAsync("kept", CancellationToken.None);
        var port = _server.Port;
        await _server.StopAsync();

        // A second server over the same directory: the cluster is reused (initdb once), not recreated.
        await using var again = CreateServer(port);
        await again.StartAsync(CancellationToken.None);

        Assert.Equal(_server.Password, again.Password);
        await using var connection = new NpgsqlConnection(again.ConnectionString("kept"));
        await connection.OpenAsync();
    }

    [Fact]
    public async Task CreateDatabaseIfMissingAsync_Twice_CreatesOnce()
    {
        await _server.StartAsync(CancellationToken.None);

        await _server.CreateDatabaseIfMissingAsync("twice", CancellationToken.None);
        await _server.CreateDatabaseIfMissingAsync("twice", CancellationToken.None);

        await using var connection = new NpgsqlConnection(_server.ConnectionString("twice"));
        await connection.OpenAsync();
    }

    [Fact]
    public async Task StartAsync_MissingBinaries_SaysWhatToInstall()
    {
        await using var server = CreateServer(port: 0, binDirectory: "/nonexistent/postgresql/bin");

        var error = await Assert.ThrowsAsync<LocalHostException>(() => server.StartAsync(CancellationToken.None));

        Assert.Contains("/nonexistent/postgresql/bin/initdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql-15", error.Message, StringComparison.Ordinal);
    }

    private PostgresServer CreateServer(int port, string binDirectory = PostgresBinaries.DefaultBinDirectory)
    {
        var launcher = new ChildProcessLauncher(
            Path.Combine(_directory.Path, "logs"), echoToConsole: false, pidFile: null, TimeProvider.System,
            NullLogger<ChildProcessLauncher>.Instance);
        var options = new PostgresServerOptions
        {
            DataDirectory = Path.Combine(_directory.Path, "postgres"),
            Port = port,
            Durable = false,
            BinDirectory = binDirectory,
        };
        return new PostgresServer(options, launcher, NullLogger<PostgresServer>.Instance);
    }
}
