using System.Text.Json;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Apis.Models;

internal static class IdentityMapping
{
    public static IdentityResponse ToResponse(this Identity identity) => new()
    {
        ClientId = identity.ClientId,
        DisplayName = identity.DisplayName,
        Owner = identity.Owner,
        Purpose = identity.Purpose,
        Tags = identity.Tags,
        AllowedScopes = identity.AllowedScopes,
        DefaultScopes = identity.DefaultScopes,
        AllowedAudiences = identity.AllowedAudiences,
        TokenLifetimeSeconds = identity.TokenLifetimeSeconds,
        CredentialMaxAgeDays = identity.CredentialMaxAgeDays,
        RequireSenderConstrainedTokens = identity.RequireSenderConstrainedTokens,
        ExpiresAt = identity.ExpiresAt,
        Status = identity.Status,
        CreatedAt = identity.CreatedAt,
        CreatedBy = identity.CreatedBy,
        UpdatedAt = identity.UpdatedAt,
        UpdatedBy = identity.UpdatedBy,
    };

    public static IdentityResponse ToResponse(this IdentityRecord record) =>
        record.Identity.ToResponse() with { Credentials = [.. IdentitySnapshots.Credentials(record)] };

    public static AuditEntryResponse ToResponse(this AuditEntry entry) => new()
    {
        Id = entry.Id,
        OccurredAt = entry.OccurredAt,
        Actor = entry.Actor,
        Action = entry.Action,
        Target = entry.Target,
        Before = entry.Before is null ? null : JsonDocument.Parse(entry.Before).RootElement.Clone(),
        After = entry.After is null ? null : JsonDocument.Parse(entry.After).RootElement.Clone(),
        Reason = entry.Reason,
    };
}
