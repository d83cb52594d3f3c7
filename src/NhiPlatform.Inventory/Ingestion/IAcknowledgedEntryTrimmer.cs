namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Removes from a stream the entries every consumer group has acknowledged (stored), so Redis does not grow forever.</summary>
internal interface IAcknowledgedEntryTrimmer
{
    /// <summary>How many entries were removed (0 when no group reads the stream yet: nothing is known to be stored).</summary>
    Task<long> TrimAsync(string stream, CancellationToken cancellationToken);
}
