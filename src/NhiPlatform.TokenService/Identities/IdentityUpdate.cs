namespace NhiPlatform.TokenService.Identities;

/// <summary>A partial update of an identity's settings; null members stay as they are. The owner changes only by transfer.</summary>
internal sealed record IdentityUpdate
{
    public string? DisplayName { get; init; }
    public string? Purpose { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyList<string>? AllowedScopes { get; init; }
    public IReadOnlyList<string>? DefaultScopes { get; init; }
    public IReadOnlyList<string>? AllowedAudiences { get; init; }
    public int? TokenLifetimeSeconds { get; init; }
    public int? CredentialMaxAgeDays { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public bool ClearExpiresAt { get; init; }
    public bool? RequireSenderConstrainedTokens { get; init; }
}
