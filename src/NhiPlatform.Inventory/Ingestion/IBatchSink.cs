namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Stores one batch of stream entries in one transaction (unreadable ones as dead letters).</summary>
internal interface IBatchSink
{
    /// <summary>Returns the counts of new events stored and of dead letters; throws when nothing was committed.</summary>
    Task<BatchOutcome> StoreAsync(IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken);
}
