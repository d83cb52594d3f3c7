namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>An accepted import: how many, their ids, and which are tied to no owner (reported as ownerless findings).</summary>
public sealed record ImportOutcome(int Imported, IReadOnlyList<string> CredentialIds, IReadOnlyList<string> Ownerless);
