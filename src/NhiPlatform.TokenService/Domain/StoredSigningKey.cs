namespace NhiPlatform.TokenService.Domain;

/// <summary>A signing key as stored: the private key (PKCS#8) encrypted by Data Protection.</summary>
internal sealed record StoredSigningKey
{
    public required string KeyId { get; init; }
    public required string Algorithm { get; init; }
    public required string ProtectedPrivateKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>From when it signs; published in JWKS from <see cref="CreatedAt"/>, so validators know it first.</summary>
    public DateTimeOffset ActivatesAt { get; init; }

    /// <summary>When a newer key took over signing; published until every token it signed has expired.</summary>
    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>Emergency revocation: removed from JWKS at once.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public bool SignsAt(DateTimeOffset now) => RevokedAt is null && ActivatesAt <= now && (RetiredAt is null || RetiredAt > now);

    public bool IsPublishedAt(DateTimeOffset now, TimeSpan retention) => RevokedAt is null && (RetiredAt is null || RetiredAt + retention > now);
}
