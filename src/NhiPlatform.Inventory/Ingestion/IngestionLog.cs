namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Log messages of stream ingestion (3000-3049).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 3000, EventName = "IngestionStarted", Level = LogLevel.Information,
        Message = "Consuming {Stream} as {Consumer} in group {Group}")]
    public static partial void Started(ILogger logger, string stream, string consumer, string group);

    [LoggerMessage(EventId = 3001, EventName = "BatchStored", Level = LogLevel.Debug,
        Message = "Stored {Inserted} new events of {Count} entries of {Stream} ({DeadLetters} dead letters)")]
    public static partial void BatchStored(ILogger logger, string stream, int inserted, int count, int deadLetters);

    [LoggerMessage(EventId = 3002, EventName = "IngestionFailed", Level = LogLevel.Warning,
        Message = "Ingestion of {Count} entries of {Stream} failed; they stay pending and are retried in {DelayMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, string stream, int count, double delayMs);

    [LoggerMessage(EventId = 3003, EventName = "DeadLettered", Level = LogLevel.Warning,
        Message = "Stream entry {EntryId} of {Stream} could not be read and was dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string stream, string entryId, string reason);

    [LoggerMessage(EventId = 3004, EventName = "PartitionsDropped", Level = LogLevel.Information,
        Message = "Ledger retention dropped {Count} daily partitions older than {Cutoff}")]
    public static partial void PartitionsDropped(ILogger logger, int count, DateOnly cutoff);

    [LoggerMessage(EventId = 3005, EventName = "MaintenanceFailed", Level = LogLevel.Warning,
        Message = "Ledger maintenance failed; retried at the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3006, EventName = "StreamTrimmed", Level = LogLevel.Debug,
        Message = "Removed {Count} acknowledged entries from {Stream}")]
    public static partial void StreamTrimmed(ILogger logger, string stream, long count);

    [LoggerMessage(EventId = 3007, EventName = "StreamTrimFailed", Level = LogLevel.Warning,
        Message = "Removing acknowledged entries from {Stream} failed; tried again at the next interval")]
    public static partial void StreamTrimFailed(ILogger logger, Exception exception, string stream);
}
