namespace NhiPlatform.Contracts.Events;

/// <summary>A credential's metadata: never the secret or the key material.</summary>
public sealed record CredentialSnapshot
{
    public required string CredentialId { get; init; }

    /// <summary><c>client_secret</c>, <c>public_key</c> (private_key_jwt) or <c>federated</c> (an external issuer's tokens).</summary>
    public required string Kind { get; init; }

    /// <summary>A public hint to recognise it: the secret's last four characters, the key's <c>kid</c> or the federated credential's name.</summary>
    public string? Hint { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Federated credentials: the external issuer trusted (added in a minor shape of schema v1).</summary>
    public string? Issuer { get; init; }

    /// <summary>Federated credentials: the exact subject trusted.</summary>
    public string? Subject { get; init; }

    /// <summary>Federated credentials: names of the extra claims that must match (values stay in the token service).</summary>
    public IReadOnlyList<string>? ClaimNames { get; init; }
}
