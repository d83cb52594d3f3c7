namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Body of <c>POST /api/admin/identities</c>.</summary>
public sealed record CreateIdentityRequest
{
    /// <summary>Optional readable slug; derived from <see cref="DisplayName"/> when omitted.</summary>
    public string? ClientId { get; init; }
    public string DisplayName { get; init; } = string.Empty;
    public string Owner { get; init; } = string.Empty;
    public string Purpose { get; init; } = string.Empty;
    public IReadOnlyList<string> AllowedScopes { get; init; } = [];
}
