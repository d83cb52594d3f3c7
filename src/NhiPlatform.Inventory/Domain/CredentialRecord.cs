namespace NhiPlatform.Inventory.Domain;

/// <summary>A credential: the token service's (<c>tokens</c>) or an imported one (<c>x509</c>, <c>api_key</c>).</summary>
internal sealed record CredentialRecord
{
    public required string CredentialId { get; init; }
    public required string Source { get; init; }
    public string? ClientId { get; init; }
    public required string Name { get; init; }
    public string? System { get; init; }
    public string? Owner { get; init; }
    public required string Kind { get; init; }
    public string? Hint { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>When the credential's secret last changed (for our own: its creation, as rotation creates a new one).</summary>
    public DateTimeOffset? LastRotatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public string? Subject { get; init; }
    public string? Issuer { get; init; }
    public IReadOnlyList<string> Sans { get; init; } = [];
    public string? SerialNumber { get; init; }
    public string? Fingerprint { get; init; }

    /// <summary>The owner: the credential's own, or its identity's (filled in by queries).</summary>
    public string? EffectiveOwner { get; init; }
}
