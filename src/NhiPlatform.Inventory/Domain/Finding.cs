namespace NhiPlatform.Inventory.Domain;

/// <summary>A stored finding with its lifecycle: open, acknowledged or resolved (by whom, why).</summary>
internal sealed record Finding
{
    public required long Id { get; init; }
    public required string Rule { get; init; }
    public required string Subject { get; init; }
    public string? ClientId { get; init; }
    public required string Severity { get; init; }
    public required string Title { get; init; }
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset FirstDetected { get; init; }
    public required DateTimeOffset LastDetected { get; init; }
    public required string Status { get; init; }
    public string? StatusBy { get; init; }
    public string? StatusReason { get; init; }
    public DateTimeOffset? StatusAt { get; init; }
}
