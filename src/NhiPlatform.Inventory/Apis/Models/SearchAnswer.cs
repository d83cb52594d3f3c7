using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The search box: identities, routes/services (with their callers) and credentials (with rotation) matching.</summary>
internal sealed record SearchAnswer(
    IReadOnlyList<IdentityRecord> Identities, IReadOnlyList<CallerOfItem> Callers, IReadOnlyList<CredentialItem> Credentials);
