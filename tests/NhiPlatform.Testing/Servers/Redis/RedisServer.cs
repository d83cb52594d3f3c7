using System.Globalization;
using Microsoft.Extensions.Logging;
using NhiPlatform.Testing.Servers;
using NhiPlatform.Testing.Servers.Processes;

namespace NhiPlatform.Testing.Servers.Redis;

/// <summary>
/// One redis-server, the way the test fixture runs it: in the foreground as a child process,
/// 127.0.0.1 only, append-only file on (<c>appendonly yes</c>) in its own directory, no RDB snapshots. SIGTERM stops
/// it after flushing the AOF; a restart keeps the port and the data.
/// </summary>
internal sealed class RedisServer(
    RedisServerOptions options, ChildProcessLauncher launcher, ILogger<RedisServer> logger) : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private ChildProcess? _process;
    private bool _portFixed = options.Port != 0;

    public RedisServerOptions Options { get; } = options;

    public int Port { get; private set; } = options.Port;

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => _process?.Id;

    /// <summary><c>127.0.0.1:PORT</c>, the StackExchange.Redis form Aspire gives services.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        var executable = RedisBinary.Locate(Options.ExecutablePath);
        Directory.CreateDirectory(
            Options.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        for (var attempt = 1; ; attempt++)
        {
            if (Port == 0)
            {
                Port = LoopbackPorts.GetFreePort();
            }

            var process = launcher.Start(CreateSpec(executable));
            _process = process;
            var started = launcher.TimeProvider.GetTimestamp();
            while (!process.HasExited && launcher.TimeProvider.GetElapsedTime(started) < Options.StartTimeout)
            {
                if (await RedisPing.AnswersAsync(Port, cancellationToken))
                {
                    _portFixed = true;
                    RedisLog.Ready(logger, Port, process.Id);
                    return;
                }

                await Task.Delay(PollInterval, launcher.TimeProvider, cancellationToken);
            }

            var tail = process.Output.Tail();
            await launcher.StopAsync(process, Options.StopTimeout);
            _process = null;
            var portInUse = tail.Contains("Address already in use", StringComparison.Ordinal);
            if (portInUse && !_portFixed && attempt < StartAttempts)
            {
                Port = 0;
                continue;
            }

            var reason = portInUse ? $"port {Port} on 127.0.0.1 is in use"
                : process.HasExited ? "the server exited"
                : $"it did not answer PING within {Options.StartTimeout.TotalSeconds:0} s";
            throw new ServerStartException(
                $"redis-server did not start: {reason}. See {launcher.LogFilePath(Options.Name)}; its last lines:" +
                $"{Environment.NewLine}{tail}");
        }
    }

    /// <summary>SIGTERM (Redis flushes the append-only file and exits), killed if it takes too long.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            await launcher.StopAsync(process, Options.StopTimeout);
            RedisLog.Stopped(logger, Port);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ChildProcessSpec CreateSpec(string executable) => new()
    {
        Name = Options.Name,
        FileName = executable,
        Arguments =
        [
            "--bind", "127.0.0.1",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--dir", Options.DataDirectory,
            "--appendonly", "yes",
            "--save", string.Empty,
            "--databases", Options.Databases.ToString(CultureInfo.InvariantCulture),
            "--daemonize", "no",
            "--logfile", string.Empty,
            "--protected-mode", "yes",
        ],
        StopSignal = UnixProcess.SigTerm,
        // Redis rewrites its process title to "redis-server 127.0.0.1:PORT"; the start time identifies it too.
        CommandMarker = RedisBinary.ProgramName,
    };
}
