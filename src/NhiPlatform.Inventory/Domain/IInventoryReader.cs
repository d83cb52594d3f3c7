namespace NhiPlatform.Inventory.Domain;

/// <summary>Reads of the catalogue, edges and usage read models.</summary>
internal interface IInventoryReader
{
    /// <summary>The whole catalogue and edges, with hourly counts since <paramref name="hourlySince"/>.</summary>
    Task<InventorySnapshot> LoadSnapshotAsync(DateTimeOffset hourlySince, CancellationToken cancellationToken);

    Task<IReadOnlyList<IdentityRecord>> ListIdentitiesAsync(CancellationToken cancellationToken);

    Task<IdentityRecord?> GetIdentityAsync(string clientId, CancellationToken cancellationToken);

    Task<CallerRecord?> GetCallerAsync(string caller, CancellationToken cancellationToken);

    /// <summary>Edges into a route and/or a service (either may be null), newest first.</summary>
    Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(string? caller, string? routeId, string? service, CancellationToken cancellationToken);

    Task<IReadOnlyList<CredentialRecord>> GetCredentialsAsync(CredentialQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(string caller, CancellationToken cancellationToken);

    /// <summary>Who used the token with this <c>jti</c>, per the ledger (within retention).</summary>
    Task<IReadOnlyList<CallerRecord>> FindTokenUsageAsync(string tokenId, CancellationToken cancellationToken);
}
