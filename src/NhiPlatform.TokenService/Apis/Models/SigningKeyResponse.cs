namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>A signing key's metadata (never key material); <c>status</c> is pending, signing, retired or revoked.</summary>
public sealed record SigningKeyResponse
{
    public required string Kid { get; init; }
    public required string Algorithm { get; init; }
    public required string Status { get; init; }
    public required bool Published { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ActivatesAt { get; init; }
    public DateTimeOffset? RetiredAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
