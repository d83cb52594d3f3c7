using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.Testing;

namespace NhiPlatform.LocalHost.Tests.LocalRun;

public sealed class RunLockTests : IAsyncLifetime
{
    private TemporaryDirectory _directory = null!;
    private LocalRunPaths _paths = null!;

    public async Task InitializeAsync()
    {
        _directory = await TemporaryDirectory.CreateAsync("lock", CancellationToken.None);
        _paths = LocalRunPaths.Create(RepositoryLayout.Root, _directory.Path, dataDirectory: null);
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void TryAcquire_WhileHeld_ReturnsNullAndTheHolder()
    {
        using var held = RunLock.TryAcquire(_paths, out _);

        using var second = RunLock.TryAcquire(_paths, out var holder);

        Assert.NotNull(held);
        Assert.Null(second);
        Assert.Equal(Environment.ProcessId, holder);
    }

    [Fact]
    public void TryAcquire_AfterRelease_Succeeds()
    {
        RunLock.TryAcquire(_paths, out _)!.Dispose();

        using var again = RunLock.TryAcquire(_paths, out _);

        Assert.NotNull(again);
    }

    [Fact]
    public async Task LocalHost_StartedWhileLockIsHeld_ExitsNonZeroNamingTheHolder()
    {
        using var held = RunLock.TryAcquire(_paths, out _);
        Assert.NotNull(held);

        await using var second = LocalHostProcess.Start(_directory, "--gateway-port", "0");
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(
            $"NhiPlatform is already running (pid {Environment.ProcessId}); stop it first",
            second.Output,
            StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_paths.LogsDirectory));
    }
}
