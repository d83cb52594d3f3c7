namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Body of <c>POST /api/admin/identities/{clientId}/transfer</c>.</summary>
public sealed record TransferOwnerRequest
{
    public string NewOwner { get; init; } = string.Empty;
    public string? Reason { get; init; }
}
