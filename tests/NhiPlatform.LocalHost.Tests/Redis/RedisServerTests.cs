using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.LocalHost.Redis;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.LocalHost.Tests.Redis;

public sealed class RedisServerTests : IAsyncLifetime
{
    private TemporaryDirectory _directory = null!;
    private RedisServer _server = null!;

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("redis", CancellationToken.None);
        var launcher = new ChildProcessLauncher(
            Path.Combine(_directory.Path, "logs"), echoToConsole: false, pidFile: null, TimeProvider.System,
            NullLogger<ChildProcessLauncher>.Instance);
        _server = new RedisServer(
            new RedisServerOptions { DataDirectory = Path.Combine(_directory.Path, "redis") },
            launcher,
            NullLogger<RedisServer>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task StartAsync_FreshDirectory_AnswersPing()
    {
        await _server.StartAsync(CancellationToken.None);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        var latency = await redis.GetDatabase().PingAsync();

        Assert.True(latency >= TimeSpan.Zero);
        Assert.StartsWith("127.0.0.1:", _server.ConnectionString, StringComparison.Ordinal);
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
    public async Task StartAsync_AfterStop_KeepsPortAndAppendOnlyData()
    {
        await _server.StartAsync(CancellationToken.None);
        var port = _server.Port;
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString))
        {
            await redis.GetDatabase().StringSetAsync("survives", "restart");
        }

        await _server.StopAsync();
        await _server.StartAsync(CancellationToken.None);

        Assert.Equal(port, _server.Port);
        await using var again = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        Assert.Equal("restart", (string?)await again.GetDatabase().StringGetAsync("survives"));
    }

    [Fact]
    public async Task StartAsync_MissingExecutable_SaysWhatToInstall()
    {
        var launcher = new ChildProcessLauncher(
            Path.Combine(_directory.Path, "logs"), echoToConsole: false, pidFile: null, TimeProvider.System,
            NullLogger<ChildProcessLauncher>.Instance);
        await using var server = new RedisServer(
            new RedisServerOptions { DataDirectory = Path.Combine(_directory.Path, "other"), ExecutablePath = "/nonexistent/redis-server" },
            launcher,
            NullLogger<RedisServer>.Instance);

        var error = await Assert.ThrowsAsync<LocalHostException>(() => server.StartAsync(CancellationToken.None));

        Assert.Contains("apt-get install -y redis-server", error.Message, StringComparison.Ordinal);
    }
}
