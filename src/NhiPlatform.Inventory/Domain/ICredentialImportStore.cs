namespace NhiPlatform.Inventory.Domain;

/// <summary>Imported credentials (certificates, API keys): all of a request in one transaction, or none.</summary>
internal interface ICredentialImportStore
{
    /// <summary>Inserts or refreshes the records (same id: same certificate fingerprint, or same system and key name).</summary>
    Task<int> ImportAsync(IReadOnlyList<CredentialRecord> records, string importedBy, DateTimeOffset now, CancellationToken cancellationToken);
}
