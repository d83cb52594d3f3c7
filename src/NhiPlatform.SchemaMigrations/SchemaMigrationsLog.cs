using Microsoft.Extensions.Logging;

namespace NhiPlatform.SchemaMigrations;

/// <summary>Log messages of schema migration. Shared library: ids 100-149 of every service's range are left to it.</summary>
internal static partial class SchemaMigrationsLog
{
    [LoggerMessage(EventId = 100, EventName = "MigrationApplied", Level = LogLevel.Information,
        Message = "Applied migration {Version} ({MigrationName}) to schema {Schema}")]
    public static partial void MigrationApplied(ILogger logger, string schema, int version, string migrationName);

    [LoggerMessage(EventId = 101, EventName = "SchemaReady", Level = LogLevel.Information,
        Message = "Schema {Schema} is up to date ({Count} migrations applied now)")]
    public static partial void SchemaReady(ILogger logger, string schema, int count);

    [LoggerMessage(EventId = 102, EventName = "DatabaseUnavailable", Level = LogLevel.Warning,
        Message = "PostgreSQL unavailable while migrating schema {Schema}; retrying in {DelaySeconds} s")]
    public static partial void DatabaseUnavailable(ILogger logger, Exception exception, string schema, double delaySeconds);
}
