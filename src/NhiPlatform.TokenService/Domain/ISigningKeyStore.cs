namespace NhiPlatform.TokenService.Domain;

/// <summary>Persistence of signing keys, shared by every replica; changes are serialized across replicas and audited.</summary>
internal interface ISigningKeyStore
{
    /// <summary>Every key, revoked ones included, newest first.</summary>
    Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a key from <paramref name="createKey"/> only if no usable key exists.</summary>
    Task EnsureOneAsync(Func<StoredSigningKey> createKey, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="key"/> (signing from its <c>ActivatesAt</c>) and retires the keys signing now at that
    /// instant; when <paramref name="onlyIfOlderThan"/> is set, only if the newest key was created before it
    /// (scheduled rotation, so replicas do not rotate twice). Returns whether it rotated.
    /// </summary>
    Task<bool> RotateAsync(StoredSigningKey key, DateTimeOffset? onlyIfOlderThan, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Revokes <paramref name="keyId"/>; when it was the only signing key, <paramref name="replacement"/> signs from now. False if unknown or already revoked.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset now, Func<StoredSigningKey> replacement, AuditEntry audit, CancellationToken cancellationToken);
}
