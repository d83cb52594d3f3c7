namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>One caller of a route or service: who (and whose), how much, how recently.</summary>
public sealed record CallerOfItem
{
    public required string Caller { get; init; }
    public required string CallerKind { get; init; }
    public string? DisplayName { get; init; }
    public string? Owner { get; init; }
    public string? Status { get; init; }
    public required string RouteId { get; init; }
    public required string Service { get; init; }
    public required long Calls { get; init; }
    public required long Denials { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public required IReadOnlyList<string> Scopes { get; init; }
}
