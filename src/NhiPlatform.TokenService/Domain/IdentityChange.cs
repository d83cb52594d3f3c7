namespace NhiPlatform.TokenService.Domain;

/// <summary>
/// Everything one admin action writes, committed in one transaction: the identity's new state, credential changes,
/// the audit row and the outbox messages (identity-change event, revocations).
/// </summary>
internal sealed record IdentityChange
{
    /// <summary>The identity after the change; inserted when <see cref="IsCreation"/>, else updated.</summary>
    public required Identity Identity { get; init; }

    public bool IsCreation { get; init; }

    /// <summary>
    /// The change takes away the identity's standing as a lasting administrator: the store commits it only if another
    /// lasting administrator remains, checked under a lock so that concurrent changes cannot remove the last two.
    /// </summary>
    public bool EndsAdministration { get; init; }

    public IReadOnlyList<ClientSecret> NewSecrets { get; init; } = [];
    public IReadOnlyList<ClientPublicKey> NewPublicKeys { get; init; } = [];

    public IReadOnlyList<FederatedCredential> NewFederatedCredentials { get; init; } = [];

    /// <summary>Federated credentials removed (by id): they hold nothing secret, so they are deleted, the audit row keeps them.</summary>
    public IReadOnlyList<Guid> DeletedFederatedCredentials { get; init; } = [];

    /// <summary>Existing credentials whose expiry or revocation changed (by id).</summary>
    public IReadOnlyList<CredentialUpdate> CredentialUpdates { get; init; } = [];

    public required AuditEntry Audit { get; init; }

    /// <summary>Outbox messages: (kind, payload JSON).</summary>
    public IReadOnlyList<(string Kind, string Payload)> Messages { get; init; } = [];
}
