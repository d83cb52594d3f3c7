namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>A credential just created: the secret appears here once and never again.</summary>
public sealed record CreatedCredentialResponse
{
    public required string ClientId { get; init; }
    public required Guid CredentialId { get; init; }
    public string? ClientSecret { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
