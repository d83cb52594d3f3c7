using System.Diagnostics;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests.TestSupport;

public sealed class TemporaryDirectoryTests
{
    [Fact]
    public async Task CreateAsync_Always_MakesASearchableDirectoryDeletedOnDispose()
    {
        string path;
        using (var directory = await TemporaryDirectory.CreateAsync("mode", CancellationToken.None))
        {
            path = directory.Path;
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherExecute));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public async Task CreateAsync_DirectoryLeftByAKilledTestProcess_StopsItsProcessesAndDeletesIt()
    {
        // What a test process killed before its cleanup leaves: an owner that is gone, a process still running.
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var stale = Directory.CreateTempSubdirectory("nhi-test-stale-").FullName;
        var owner = new ProcessRecord(gone.Id, StartTime: 1, UnixProcess.SigTerm, "test", "true");
        await File.WriteAllTextAsync(Path.Combine(stale, ".owner"), owner.ToLine());
        using var leftover = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var identity = UnixProcess.TryDescribe(leftover.Id)!;
        new PidFile(Path.Combine(stale, ".pids")).Add(
            new ProcessRecord(leftover.Id, identity.StartTime, UnixProcess.SigTerm, "sleeper", "sleep"));

        using var fresh = await TemporaryDirectory.CreateAsync("fresh", CancellationToken.None);

        await leftover.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.False(Directory.Exists(stale));
    }
}
