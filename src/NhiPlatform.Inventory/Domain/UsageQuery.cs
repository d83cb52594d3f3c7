namespace NhiPlatform.Inventory.Domain;

/// <summary>Filters over the usage ledger; null means any. Newest first, at most <see cref="Limit"/> rows.</summary>
internal sealed record UsageQuery
{
    public string? ClientId { get; init; }
    public string? RouteId { get; init; }
    public string? Path { get; init; }
    public DateTimeOffset? Since { get; init; }
    public int Limit { get; init; } = 100;
}
