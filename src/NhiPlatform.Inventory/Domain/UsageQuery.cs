namespace NhiPlatform.Inventory.Domain;

/// <summary>
/// Filters over the usage ledger; null means any. Newest first (by instant, then event id), at most <see cref="Limit"/>
/// rows after <see cref="After"/>.
/// </summary>
internal sealed record UsageQuery
{
    public string? ClientId { get; init; }
    public string? RouteId { get; init; }
    public string? Path { get; init; }
    public DateTimeOffset? Since { get; init; }
    public int Limit { get; init; } = 100;

    /// <summary>Only rows after this one in the order: the keyset of the next page.</summary>
    public UsagePosition? After { get; init; }
}
