using NhiPlatform.Contracts.Events;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>An identity as the admin API shows it: never a secret.</summary>
public sealed record IdentityResponse
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public required IReadOnlyList<string> AllowedScopes { get; init; }
    public required IReadOnlyList<string> DefaultScopes { get; init; }
    public required IReadOnlyList<string> AllowedAudiences { get; init; }
    public required int TokenLifetimeSeconds { get; init; }
    public required int CredentialMaxAgeDays { get; init; }

    /// <summary>Only DPoP-bound tokens are issued (RFC 9449).</summary>
    public bool RequireSenderConstrainedTokens { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>Credential metadata, when the identity was read with its credentials.</summary>
    public IReadOnlyList<CredentialSnapshot>? Credentials { get; init; }
}
