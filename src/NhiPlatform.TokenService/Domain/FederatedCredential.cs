namespace NhiPlatform.TokenService.Domain;

/// <summary>
/// Trust in an external issuer's tokens for one workload (Entra's federated identity credential shape): a token of
/// <see cref="Issuer"/> with exactly <see cref="Subject"/>, one of <see cref="Audiences"/> and the <see cref="Claims"/>
/// values authenticates the identity. Nothing secret is stored.
/// </summary>
internal sealed record FederatedCredential
{
    public required Guid CredentialId { get; init; }
    public required string ClientId { get; init; }

    /// <summary>Unique per identity; how operators and the CLI name it.</summary>
    public required string Name { get; init; }

    public required string Issuer { get; init; }
    public required string Subject { get; init; }
    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Other claims the token must carry with exactly these string values (e.g. <c>repository_owner</c>).</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    /// <summary>A JWKS (public keys) pinned for an issuer without OIDC discovery; null means discovery.</summary>
    public string? Jwks { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
}
