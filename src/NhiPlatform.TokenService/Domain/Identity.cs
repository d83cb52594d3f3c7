namespace NhiPlatform.TokenService.Domain;

/// <summary>A non-human identity: a workload with an owner, a purpose and the scopes it may ask for.</summary>
internal sealed record Identity
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }
    public required IReadOnlyList<string> AllowedScopes { get; init; }
    public string Status { get; init; } = IdentityStatus.Active;
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public bool IsActive => Status == IdentityStatus.Active;
}
