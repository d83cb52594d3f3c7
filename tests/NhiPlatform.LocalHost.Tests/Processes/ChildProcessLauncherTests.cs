using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests.Processes;

public sealed class ChildProcessLauncherTests : IAsyncLifetime
{
    private TemporaryDirectory _directory = null!;
    private PidFile _pidFile = null!;
    private ChildProcessLauncher _launcher = null!;

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("launcher", CancellationToken.None);
        _pidFile = new PidFile(Path.Combine(_directory.Path, "pids"));
        _launcher = new ChildProcessLauncher(
            Path.Combine(_directory.Path, "logs"), echoToConsole: false, _pidFile, TimeProvider.System,
            NullLogger<ChildProcessLauncher>.Instance);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_Child_WritesItsOutputToItsLogAndRecordsIt()
    {
        var child = _launcher.Start(Shell("echo hello; echo oops >&2; exec sleep 60"));
        await WaitForAsync(() => File.ReadAllText(_launcher.LogFilePath("shell")).Contains("oops", StringComparison.Ordinal));

        var recorded = Assert.Single(_pidFile.ReadLeftovers());
        Assert.Equal(child.Id, recorded.ProcessId);
        Assert.True(UnixProcess.IsSameProcess(recorded));
        Assert.Contains("hello", File.ReadAllText(_launcher.LogFilePath("shell")), StringComparison.Ordinal);

        await _launcher.StopAsync(child, TimeSpan.FromSeconds(5));

        Assert.Null(UnixProcess.TryDescribe(recorded.ProcessId));
        Assert.Empty(_pidFile.ReadLeftovers());
    }

    [Fact]
    public async Task StopAsync_ChildIgnoringSigterm_IsKilledAfterGrace()
    {
        var child = _launcher.Start(Shell("trap '' TERM; sleep 60"));
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        await _launcher.StopAsync(child, TimeSpan.FromMilliseconds(500));

        Assert.True(child.HasExited);
        Assert.Null(UnixProcess.TryDescribe(child.Record.ProcessId));
    }

    private static ChildProcessSpec Shell(string script) => new()
    {
        Name = "shell",
        FileName = "/bin/sh",
        Arguments = ["-c", script],
        CommandMarker = "sleep",
    };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(condition());
    }
}
