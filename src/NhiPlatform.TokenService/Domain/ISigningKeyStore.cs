namespace NhiPlatform.TokenService.Domain;

/// <summary>Persistence of signing keys, shared by every replica.</summary>
internal interface ISigningKeyStore
{
    /// <summary>Keys that are not revoked, newest first.</summary>
    Task<IReadOnlyList<StoredSigningKey>> ListPublishedAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="key"/> only if no usable key exists (serialized across replicas).</summary>
    Task EnsureOneAsync(Func<StoredSigningKey> createKey, CancellationToken cancellationToken);
}
