using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(EventId = 4120, EventName = "RedisReady", Level = LogLevel.Information,
        Message = "Redis ready on 127.0.0.1:{Port} (pid {ProcessId})")]
    public static partial void Ready(ILogger logger, int port, int processId);

    [LoggerMessage(EventId = 4121, EventName = "RedisStopped", Level = LogLevel.Information,
        Message = "Redis on port {Port} stopped")]
    public static partial void Stopped(ILogger logger, int port);
}
