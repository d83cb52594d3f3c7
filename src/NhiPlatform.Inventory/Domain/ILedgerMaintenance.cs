namespace NhiPlatform.Inventory.Domain;

/// <summary>Partitions ahead of time and retention behind it.</summary>
internal interface ILedgerMaintenance
{
    Task EnsurePartitionAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>Drops the ledger's daily partitions before <paramref name="ledgerCutoff"/>; deletes older roll-ups. Returns partitions dropped.</summary>
    Task<int> ApplyRetentionAsync(DateOnly ledgerCutoff, DateOnly rollupCutoff, DateTimeOffset hourlyCutoff, CancellationToken cancellationToken);
}
