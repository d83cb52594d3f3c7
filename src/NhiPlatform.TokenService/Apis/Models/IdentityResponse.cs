namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>An identity as the admin API shows it: never a secret.</summary>
public sealed record IdentityResponse
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }
    public required IReadOnlyList<string> AllowedScopes { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }
}
