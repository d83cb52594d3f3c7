namespace NhiPlatform.TokenService.Identities;

/// <summary>What a team gives to register an identity; the client id is derived from the name when omitted.</summary>
internal sealed record NewIdentity(string? ClientId, string DisplayName, string Owner, string Purpose, IReadOnlyList<string> AllowedScopes)
{
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Null means every allowed scope.</summary>
    public IReadOnlyList<string>? DefaultScopes { get; init; }

    public IReadOnlyList<string>? AllowedAudiences { get; init; }
    public int? TokenLifetimeSeconds { get; init; }
    public int? CredentialMaxAgeDays { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public bool RequireSenderConstrainedTokens { get; init; }
}
