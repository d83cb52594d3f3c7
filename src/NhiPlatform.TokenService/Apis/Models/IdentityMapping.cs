using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Apis.Models;

internal static class IdentityMapping
{
    public static IdentityResponse ToResponse(this Identity identity) => new()
    {
        ClientId = identity.ClientId,
        DisplayName = identity.DisplayName,
        Owner = identity.Owner,
        Purpose = identity.Purpose,
        AllowedScopes = identity.AllowedScopes,
        Status = identity.Status,
        CreatedAt = identity.CreatedAt,
        CreatedBy = identity.CreatedBy,
        UpdatedAt = identity.UpdatedAt,
        UpdatedBy = identity.UpdatedBy,
    };
}
