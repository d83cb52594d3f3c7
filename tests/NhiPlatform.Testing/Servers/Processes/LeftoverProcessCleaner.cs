using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// Stops what a previous test run left running when it was killed without a chance to clean up (SIGKILL, power
/// loss): the processes listed in <c>run/pids</c> that are still the same processes (same start time, command line
/// still matching), never a process that merely reuses one of their ids.
/// </summary>
internal sealed class LeftoverProcessCleaner(PidFile pidFile, TimeProvider timeProvider, ILogger<LeftoverProcessCleaner> logger)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Stops the leftovers and deletes the pid file; returns how many processes were stopped.</summary>
    public async Task<int> StopLeftoversAsync(CancellationToken cancellationToken)
    {
        var leftovers = pidFile.ReadLeftovers().Where(UnixProcess.IsSameProcess).ToList();
        foreach (var leftover in leftovers)
        {
            ProcessesLog.StoppingLeftover(logger, leftover.Name, leftover.ProcessId);
            UnixProcess.TrySignal(leftover.ProcessId, leftover.StopSignal);
        }

        var started = timeProvider.GetTimestamp();
        var running = leftovers;
        while (running.Count > 0 && timeProvider.GetElapsedTime(started) < Grace)
        {
            await Task.Delay(PollInterval, timeProvider, cancellationToken);
            running = running.Where(UnixProcess.IsSameProcess).ToList();
        }

        foreach (var stubborn in running)
        {
            ProcessesLog.KillingLeftover(logger, stubborn.Name, stubborn.ProcessId);
            UnixProcess.TrySignal(stubborn.ProcessId, UnixProcess.SigKill);
        }

        pidFile.Delete();
        return leftovers.Count;
    }
}
