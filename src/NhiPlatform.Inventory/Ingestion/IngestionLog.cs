namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Log messages of stream ingestion (3000-3049).</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 3000, EventName = "IngestionStarted", Level = LogLevel.Information,
        Message = "Consuming {Stream} as {Consumer} in group {Group}")]
    public static partial void Started(ILogger logger, string stream, string consumer, string group);

    [LoggerMessage(EventId = 3001, EventName = "BatchStored", Level = LogLevel.Debug,
        Message = "Stored {Inserted} new usage events of {Count} entries ({DeadLetters} dead letters)")]
    public static partial void BatchStored(ILogger logger, int inserted, int count, int deadLetters);

    [LoggerMessage(EventId = 3002, EventName = "IngestionFailed", Level = LogLevel.Warning,
        Message = "Ingestion of {Count} entries failed; they stay pending and are retried in {DelayMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, int count, double delayMs);

    [LoggerMessage(EventId = 3003, EventName = "DeadLettered", Level = LogLevel.Warning,
        Message = "Stream entry {EntryId} could not be read and was dead-lettered: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string entryId, string reason);
}
