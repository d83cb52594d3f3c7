namespace NhiPlatform.Inventory.Domain;

/// <summary>An identity as the catalogue knows it.</summary>
internal sealed record IdentityRecord
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> AllowedScopes { get; init; } = [];
    public required string Status { get; init; }
    public int CredentialMaxAgeDays { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required DateTimeOffset StatusChangedAt { get; init; }
}
