namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>
/// Who is behind a token. From a <c>jti</c>: the ledger's record of who used it. From a raw token: its claims, read
/// without validation (<see cref="Verified"/> is always false: the answer is a lead, not proof).
/// </summary>
public sealed record TokenOwner
{
    public string? TokenId { get; init; }
    public string? ClientId { get; init; }
    public string? DisplayName { get; init; }
    public string? Owner { get; init; }
    public string? Status { get; init; }
    public bool Verified { get; init; }
    public string? Issuer { get; init; }
    public bool? IssuerIsOurs { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public long Calls { get; init; }
    public required string Basis { get; init; }
}
