namespace NhiPlatform.TokenService.Domain;

/// <summary>A client secret as stored: its digest only, never the secret.</summary>
internal sealed record ClientSecret
{
    public required Guid SecretId { get; init; }
    public required string ClientId { get; init; }
    public required byte[] Digest { get; init; }

    /// <summary>The secret's last four characters, to tell secrets apart; never enough to use one.</summary>
    public string? Hint { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}
