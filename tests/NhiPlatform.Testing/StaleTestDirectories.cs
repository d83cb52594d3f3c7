using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Testing.Servers.Processes;

namespace NhiPlatform.Testing;

/// <summary>
/// Cleans up after test processes that were killed before their dispose ran: for each <c>nhi-test-*</c> directory
/// whose owning process is gone, stops the processes listed in its <c>.pids</c> (and in <c>run/pids</c>, as an older
/// version of these tests left it), each checked to still be the same process, then deletes it.
/// </summary>
internal static class StaleTestDirectories
{
    public static async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), TemporaryDirectory.Prefix + "*").ToList())
        {
            try
            {
                await SweepOneAsync(directory, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another test process is sweeping it at the same time, or it is not ours to delete: leave it.
            }
        }
    }

    private static async Task SweepOneAsync(string directory, CancellationToken cancellationToken)
    {
        var ownerFile = Path.Combine(directory, TemporaryDirectory.OwnerFileName);
        var owner = File.Exists(ownerFile) ? ProcessRecord.TryParse(File.ReadAllText(ownerFile).Trim()) : null;
        if (owner is null || UnixProcess.IsSameProcess(owner))
        {
            return;
        }

        foreach (var pids in new[] { TemporaryDirectory.PidFileName, Path.Combine("run", "pids") })
        {
            var pidFile = new PidFile(Path.Combine(directory, pids));
            var cleaner = new LeftoverProcessCleaner(pidFile, TimeProvider.System, NullLogger<LeftoverProcessCleaner>.Instance);
            await cleaner.StopLeftoversAsync(cancellationToken);
        }

        Directory.Delete(directory, recursive: true);
    }
}
