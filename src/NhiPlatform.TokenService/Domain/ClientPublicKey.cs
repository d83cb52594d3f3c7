namespace NhiPlatform.TokenService.Domain;

/// <summary>A public key (JWK, public members only) a client signs its assertions with (private_key_jwt, RFC 7523).</summary>
internal sealed record ClientPublicKey
{
    public required Guid CredentialId { get; init; }
    public required string ClientId { get; init; }

    /// <summary>The RFC 7638 thumbprint, or the <c>kid</c> the client gave.</summary>
    public required string KeyId { get; init; }

    /// <summary>The JWK as JSON, public members only.</summary>
    public required string Jwk { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
