using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// Starts and stops children for a test fixture: each child's output goes to
/// <c>&lt;log directory&gt;/&lt;name&gt;.log</c> (and the console when asked), and, when a pid file is given, every
/// running child is listed there so that a later start can clean up after a crash.
/// </summary>
internal sealed class ChildProcessLauncher(
    string logDirectory,
    bool echoToConsole,
    PidFile? pidFile,
    TimeProvider timeProvider,
    ILogger<ChildProcessLauncher> logger)
{
    public string LogDirectory { get; } = logDirectory;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ChildProcess Start(ChildProcessSpec spec)
    {
        var output = new ChildOutput(spec.Name, LogFilePath(spec.Name), echoToConsole);
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(spec, output, TimeProvider);
        }
        catch
        {
            output.Dispose();
            throw;
        }

        pidFile?.Add(child.Record);
        ProcessesLog.ChildStarted(logger, spec.Name, child.Id);
        return child;
    }

    /// <summary>Stops <paramref name="child"/> gracefully (killing it after <paramref name="grace"/>) and forgets it.</summary>
    public async Task StopAsync(ChildProcess child, TimeSpan grace)
    {
        var wasRunning = !child.HasExited;
        await child.StopAsync(grace);
        pidFile?.Remove(child.Id);
        if (wasRunning)
        {
            ProcessesLog.ChildStopped(logger, child.Name, child.Id, child.ExitCode ?? -1);
        }

        await child.DisposeAsync();
    }

    public string LogFilePath(string name) => Path.Combine(LogDirectory, name + ".log");
}
