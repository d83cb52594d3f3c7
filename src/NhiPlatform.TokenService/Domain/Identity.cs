namespace NhiPlatform.TokenService.Domain;

/// <summary>A non-human identity: a workload with an owner, a purpose, what it may ask for and its lifecycle rules.</summary>
internal sealed record Identity
{
    public required string ClientId { get; init; }
    public required string DisplayName { get; init; }
    public required string Owner { get; init; }
    public required string Purpose { get; init; }

    /// <summary><c>key=value</c> tags such as <c>env=prod</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public required IReadOnlyList<string> AllowedScopes { get; init; }

    /// <summary>Granted when a token request omits <c>scope</c>; always a subset of <see cref="AllowedScopes"/>.</summary>
    public IReadOnlyList<string> DefaultScopes { get; init; } = [];

    /// <summary>Audiences the identity may request with <c>resource</c> (RFC 8707); empty means the platform default only.</summary>
    public IReadOnlyList<string> AllowedAudiences { get; init; } = [];

    public int TokenLifetimeSeconds { get; init; } = IdentityLimits.DefaultTokenLifetimeSeconds;
    public int CredentialMaxAgeDays { get; init; } = IdentityLimits.DefaultCredentialMaxAgeDays;

    /// <summary>
    /// Policy: the token endpoint issues this identity only DPoP-bound tokens (RFC 9449); a request without a proof is
    /// refused with <c>invalid_dpop_proof</c>.
    /// </summary>
    public bool RequireSenderConstrainedTokens { get; init; }

    /// <summary>When the identity itself stops working, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public string Status { get; init; } = IdentityStatus.Active;
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public bool IsActive => Status == IdentityStatus.Active;

    /// <summary>Active and not past its own expiry.</summary>
    public bool CanAuthenticateAt(DateTimeOffset now) => IsActive && (ExpiresAt is null || ExpiresAt > now);
}
