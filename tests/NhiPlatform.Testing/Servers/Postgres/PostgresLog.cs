using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Postgres;

internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 4100, EventName = "InitializingCluster", Level = LogLevel.Information,
        Message = "Creating the PostgreSQL cluster in {ClusterDirectory} (first start)")]
    public static partial void InitializingCluster(ILogger logger, string clusterDirectory);

    [LoggerMessage(EventId = 4101, EventName = "PostgresReady", Level = LogLevel.Information,
        Message = "PostgreSQL ready on 127.0.0.1:{Port} (pid {ProcessId})")]
    public static partial void Ready(ILogger logger, int port, int processId);

    [LoggerMessage(EventId = 4102, EventName = "PostgresStopped", Level = LogLevel.Information,
        Message = "PostgreSQL on port {Port} stopped")]
    public static partial void Stopped(ILogger logger, int port);

    [LoggerMessage(EventId = 4103, EventName = "DatabaseCreated", Level = LogLevel.Information,
        Message = "Created database {Database}")]
    public static partial void DatabaseCreated(ILogger logger, string database);
}
