using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>A credential with its age and days since rotation, as of the query.</summary>
internal sealed record CredentialItem(CredentialRecord Credential, int? AgeDays, int? DaysSinceRotation, bool Expired)
{
    public static CredentialItem From(CredentialRecord credential, DateTimeOffset now) => new(
        credential,
        credential.CreatedAt is { } created ? (int)(now - created).TotalDays : null,
        (credential.LastRotatedAt ?? credential.CreatedAt) is { } rotated ? (int)(now - rotated).TotalDays : null,
        credential.ExpiresAt <= now);
}
