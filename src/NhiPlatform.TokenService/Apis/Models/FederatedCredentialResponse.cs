namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>A federated credential as the admin API shows it (nothing in it is secret).</summary>
public sealed record FederatedCredentialResponse
{
    public required Guid CredentialId { get; init; }
    public required string ClientId { get; init; }
    public required string Name { get; init; }
    public required string Issuer { get; init; }
    public required string Subject { get; init; }
    public required IReadOnlyList<string> Audiences { get; init; }
    public required IReadOnlyDictionary<string, string> Claims { get; init; }
    public string? Description { get; init; }

    /// <summary>Keys are pinned on the credential (no discovery) when true.</summary>
    public required bool PinnedJwks { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
}
