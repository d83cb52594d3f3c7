namespace NhiPlatform.Inventory.Domain;

/// <summary>Everything the finding rules look at, read at one moment.</summary>
internal sealed record InventorySnapshot
{
    public IReadOnlyList<IdentityRecord> Identities { get; init; } = [];
    public IReadOnlyList<CredentialRecord> Credentials { get; init; } = [];
    public IReadOnlyList<CallerRecord> Callers { get; init; } = [];
    public IReadOnlyList<EdgeRecord> Edges { get; init; } = [];
    public IReadOnlyList<SourceRecord> Sources { get; init; } = [];

    /// <summary>Hourly counts of the spike rule's baseline window and the current hour.</summary>
    public IReadOnlyList<HourlyCount> Hourly { get; init; } = [];
}
