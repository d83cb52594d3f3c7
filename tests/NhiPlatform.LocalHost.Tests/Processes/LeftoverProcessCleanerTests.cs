using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests.Processes;

public sealed class LeftoverProcessCleanerTests : IAsyncLifetime
{
    private readonly List<Process> _sleepers = [];
    private TemporaryDirectory _directory = null!;
    private PidFile _pidFile = null!;

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("leftovers", CancellationToken.None);
        _pidFile = new PidFile(Path.Combine(_directory.Path, "pids"));
    }

    public Task DisposeAsync()
    {
        foreach (var sleeper in _sleepers)
        {
            if (!sleeper.HasExited)
            {
                sleeper.Kill();
            }

            sleeper.Dispose();
        }

        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StopLeftoversAsync_RecordedProcess_IsStoppedAndFileDeleted()
    {
        var leftover = StartSleeper();
        _pidFile.Add(Describe(leftover, leftover.Id));

        var stopped = await CreateCleaner().StopLeftoversAsync(CancellationToken.None);

        Assert.Equal(1, stopped);
        await leftover.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(File.Exists(_pidFile.Path));
    }

    [Fact]
    public async Task StopLeftoversAsync_ReusedProcessId_IsLeftAlone()
    {
        // The id is recorded with another start time: a different process now has that id.
        var stranger = StartSleeper();
        var identity = UnixProcess.TryDescribe(stranger.Id)!;
        _pidFile.Add(new ProcessRecord(stranger.Id, identity.StartTime - 1, UnixProcess.SigTerm, "old", "sleep"));

        var stopped = await CreateCleaner().StopLeftoversAsync(CancellationToken.None);

        Assert.Equal(0, stopped);
        Assert.False(stranger.HasExited);
    }

    [Fact]
    public async Task StopLeftoversAsync_CommandLineNoLongerMatches_IsLeftAlone()
    {
        var stranger = StartSleeper();
        var identity = UnixProcess.TryDescribe(stranger.Id)!;
        _pidFile.Add(new ProcessRecord(stranger.Id, identity.StartTime, UnixProcess.SigTerm, "postgres", "/some/other/pg"));

        var stopped = await CreateCleaner().StopLeftoversAsync(CancellationToken.None);

        Assert.Equal(0, stopped);
        Assert.False(stranger.HasExited);
    }

    private LeftoverProcessCleaner CreateCleaner() =>
        new(_pidFile, TimeProvider.System, NullLogger<LeftoverProcessCleaner>.Instance);

    private Process StartSleeper()
    {
        var sleeper = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        _sleepers.Add(sleeper);
        return sleeper;
    }

    private static ProcessRecord Describe(Process process, int processId) =>
        new(processId, UnixProcess.TryDescribe(process.Id)!.StartTime, UnixProcess.SigTerm, "sleeper", "sleep");
}
