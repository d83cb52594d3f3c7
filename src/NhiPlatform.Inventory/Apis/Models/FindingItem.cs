namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>A finding as the API, the export and the webhook show it.</summary>
public sealed record FindingItem
{
    public required long Id { get; init; }
    public required string Rule { get; init; }
    public required string Subject { get; init; }
    public string? ClientId { get; init; }
    public required string Severity { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyDictionary<string, string> Evidence { get; init; }
    public required DateTimeOffset FirstDetected { get; init; }
    public required DateTimeOffset LastDetected { get; init; }
    public required string Status { get; init; }
    public string? StatusBy { get; init; }
    public string? StatusReason { get; init; }
    public DateTimeOffset? StatusAt { get; init; }
}
