namespace NhiPlatform.TokenService.Domain;

/// <summary>A signing key as stored: the private key (PKCS#8) encrypted by Data Protection.</summary>
internal sealed record StoredSigningKey
{
    public required string KeyId { get; init; }
    public required string Algorithm { get; init; }
    public required string ProtectedPrivateKey { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
