using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>Everything about one identity: catalogue entry, usage, credentials with age and rotation, routes, findings.</summary>
internal sealed record IdentityCard
{
    public required string ClientId { get; init; }

    /// <summary>Null for a caller the catalogue does not know (seen only in usage).</summary>
    public IdentityRecord? Identity { get; init; }
    public CallerRecord? Usage { get; init; }
    public required bool Dormant { get; init; }
    public required IReadOnlyList<CredentialItem> Credentials { get; init; }
    public required IReadOnlyList<EdgeRecord> Routes { get; init; }
    public required IReadOnlyList<SourceRecord> Sources { get; init; }
    public required IReadOnlyList<FindingItem> Findings { get; init; }
}
