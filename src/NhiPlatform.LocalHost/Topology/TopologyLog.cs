using Microsoft.Extensions.Logging;

namespace NhiPlatform.LocalHost.Topology;

internal static partial class TopologyLog
{
    [LoggerMessage(EventId = 4200, EventName = "AlreadyRunning", Level = LogLevel.Error,
        Message = "NhiPlatform is already running (pid {ProcessId}); stop it first")]
    public static partial void AlreadyRunning(ILogger logger, int processId);

    [LoggerMessage(EventId = 4201, EventName = "StartFailed", Level = LogLevel.Error,
        Message = "NhiPlatform could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4202, EventName = "StartingService", Level = LogLevel.Information,
        Message = "Starting {Name} on {Url}")]
    public static partial void StartingService(ILogger logger, string name, string url);

    [LoggerMessage(EventId = 4203, EventName = "ServiceHealthy", Level = LogLevel.Information,
        Message = "{Name} is healthy ({Seconds:0.0} s)")]
    public static partial void ServiceHealthy(ILogger logger, string name, double seconds);

    [LoggerMessage(EventId = 4204, EventName = "Stopping", Level = LogLevel.Information,
        Message = "Stopping NhiPlatform")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 4205, EventName = "Stopped", Level = LogLevel.Information,
        Message = "NhiPlatform stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 4206, EventName = "ServiceExited", Level = LogLevel.Error,
        Message = "{Name} exited unexpectedly with code {ExitCode}; see {LogFile}")]
    public static partial void ServiceExited(ILogger logger, string name, int exitCode, string logFile);

    [LoggerMessage(EventId = 4207, EventName = "LeftoversStopped", Level = LogLevel.Warning,
        Message = "Stopped {Count} process(es) left running by a previous LocalHost")]
    public static partial void LeftoversStopped(ILogger logger, int count);

    [LoggerMessage(EventId = 4208, EventName = "DefaultGatewayPortInUse", Level = LogLevel.Warning,
        Message = "Port {DefaultPort} is in use; the gateway listens on {Port} instead (--gateway-port chooses)")]
    public static partial void DefaultGatewayPortInUse(ILogger logger, int defaultPort, int port);
}
