namespace NhiPlatform.Contracts.Events;

/// <summary>A credential's metadata: never the secret or the key material.</summary>
public sealed record CredentialSnapshot
{
    public required string CredentialId { get; init; }

    /// <summary><c>client_secret</c> or <c>public_key</c> (private_key_jwt).</summary>
    public required string Kind { get; init; }

    /// <summary>A public hint to recognise it: the secret's last four characters or the key's <c>kid</c>.</summary>
    public string? Hint { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
}
