namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Answer to a registration: the only time the client secret is ever shown.</summary>
public sealed record CreatedIdentityResponse
{
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required DateTimeOffset ClientSecretExpiresAt { get; init; }
    public required IdentityResponse Identity { get; init; }
}
