namespace NhiPlatform.TokenService.Domain;

/// <summary>Persistence of identities, their credentials, the audit log and the outbox.</summary>
internal interface IIdentityStore
{
    Task<Identity?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The identity with every credential (revoked and expired ones included), or null.</summary>
    Task<IdentityRecord?> FindRecordAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Client ids of the identities with a federated credential for this issuer and subject (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<string>> FindFederatedClientIdsAsync(string issuer, string subject, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<Identity>> ListAsync(IdentityQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a change with its audit row and outbox messages, unless a creation finds the client id taken or a change
    /// that <see cref="IdentityChange.EndsAdministration"/> would leave no lasting administrator.
    /// </summary>
    Task<CommitOutcome> CommitAsync(IdentityChange change, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Records that credentials were used (batched by the caller; last writer wins).</summary>
    Task MarkUsedAsync(IReadOnlyCollection<Guid> credentialIds, DateTimeOffset usedAt, CancellationToken cancellationToken);
}
