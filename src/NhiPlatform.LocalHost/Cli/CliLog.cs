using Microsoft.Extensions.Logging;

namespace NhiPlatform.LocalHost.Cli;

internal static partial class CliLog
{
    [LoggerMessage(EventId = 4000, EventName = "StopRequested", Level = LogLevel.Information,
        Message = "Received {Signal}: stopping")]
    public static partial void StopRequested(ILogger logger, string signal);

    [LoggerMessage(EventId = 4001, EventName = "Failed", Level = LogLevel.Error,
        Message = "{Reason}")]
    public static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4002, EventName = "UnexpectedError", Level = LogLevel.Critical,
        Message = "The LocalHost failed unexpectedly")]
    public static partial void UnexpectedError(ILogger logger, Exception exception);
}
