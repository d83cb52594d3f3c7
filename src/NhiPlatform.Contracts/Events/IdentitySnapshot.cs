namespace NhiPlatform.Contracts.Events;

/// <summary>An identity's state as carried by <see cref="IdentityChangedEvent"/>.</summary>
public sealed record IdentitySnapshot
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }

    /// <summary><c>key=value</c> tags, e.g. <c>env=prod</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> AllowedScopes { get; init; } = [];
    public IReadOnlyList<string> DefaultScopes { get; init; } = [];
    public IReadOnlyList<string> AllowedAudiences { get; init; } = [];

    /// <summary><c>active</c>, <c>disabled</c> or <c>deleted</c> (a tombstone).</summary>
    public required string Status { get; init; }

    public int TokenLifetimeSeconds { get; init; }
    public int CredentialMaxAgeDays { get; init; }

    /// <summary>Only DPoP-bound (sender-constrained, RFC 9449) tokens are issued to this identity.</summary>
    public bool RequireSenderConstrainedTokens { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    /// <summary>Every credential of the identity, revoked ones included (never the secret).</summary>
    public IReadOnlyList<CredentialSnapshot> Credentials { get; init; } = [];
}
