using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Processes;

internal static partial class ProcessesLog
{
    [LoggerMessage(EventId = 4140, EventName = "ChildStarted", Level = LogLevel.Debug,
        Message = "Started {Name} (pid {ProcessId})")]
    public static partial void ChildStarted(ILogger logger, string name, int processId);

    [LoggerMessage(EventId = 4141, EventName = "ChildStopped", Level = LogLevel.Debug,
        Message = "Stopped {Name} (pid {ProcessId}, exit code {ExitCode})")]
    public static partial void ChildStopped(ILogger logger, string name, int processId, int exitCode);

    [LoggerMessage(EventId = 4142, EventName = "StoppingLeftover", Level = LogLevel.Warning,
        Message = "Stopping {Name} (pid {ProcessId}) left running by a previous test run that did not shut down")]
    public static partial void StoppingLeftover(ILogger logger, string name, int processId);

    [LoggerMessage(EventId = 4143, EventName = "KillingLeftover", Level = LogLevel.Warning,
        Message = "Killing {Name} (pid {ProcessId}): it did not stop within the grace period")]
    public static partial void KillingLeftover(ILogger logger, string name, int processId);
}
