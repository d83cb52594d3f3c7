namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Body of <c>POST /api/admin/identities</c>.</summary>
public sealed record CreateIdentityRequest
{
    /// <summary>Optional readable slug; derived from <see cref="DisplayName"/> when omitted.</summary>
    public string? ClientId { get; init; }
    public string DisplayName { get; init; } = string.Empty;
    public string Owner { get; init; } = string.Empty;
    public string Purpose { get; init; } = string.Empty;
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyList<string> AllowedScopes { get; init; } = [];

    /// <summary>Granted when a token request omits <c>scope</c>; every allowed scope when omitted here.</summary>
    public IReadOnlyList<string>? DefaultScopes { get; init; }

    /// <summary>Audiences the identity may request with <c>resource</c> (RFC 8707).</summary>
    public IReadOnlyList<string>? AllowedAudiences { get; init; }

    /// <summary>Access-token lifetime, 30 to 3600 seconds (default 300).</summary>
    public int? TokenLifetimeSeconds { get; init; }

    /// <summary>Maximum credential age, 1 to 365 days (default 90).</summary>
    public int? CredentialMaxAgeDays { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Issue only DPoP-bound tokens (RFC 9449): token requests without a proof are refused. Default false.</summary>
    public bool? RequireSenderConstrainedTokens { get; init; }
}
