namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Body of <c>PATCH /api/admin/identities/{clientId}</c>: members left out stay unchanged. The owner changes by transfer only.</summary>
public sealed record UpdateIdentityRequest
{
    public string? DisplayName { get; init; }
    public string? Purpose { get; init; }

    /// <summary>Refused here: use <c>POST .../transfer</c>.</summary>
    public string? Owner { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyList<string>? AllowedScopes { get; init; }
    public IReadOnlyList<string>? DefaultScopes { get; init; }
    public IReadOnlyList<string>? AllowedAudiences { get; init; }
    public int? TokenLifetimeSeconds { get; init; }
    public int? CredentialMaxAgeDays { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Issue only DPoP-bound tokens (RFC 9449).</summary>
    public bool? RequireSenderConstrainedTokens { get; init; }

    /// <summary>True removes the identity's expiry.</summary>
    public bool ClearExpiresAt { get; init; }
}
