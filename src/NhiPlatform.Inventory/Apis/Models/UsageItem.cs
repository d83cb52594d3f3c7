namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>One recorded call, as the usage query returns it.</summary>
public sealed record UsageItem
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public string? ClientId { get; init; }
    public string? TokenId { get; init; }
    public string? Scopes { get; init; }
    public string? UnverifiedIssuer { get; init; }
    public string? UnverifiedSubject { get; init; }
    public string? RouteId { get; init; }
    public string? Destination { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required int Status { get; init; }
    public required double LatencyMs { get; init; }
    public string? SourceAddress { get; init; }
    public string? UserAgent { get; init; }
    public required string Decision { get; init; }
    public string? Reason { get; init; }
}
