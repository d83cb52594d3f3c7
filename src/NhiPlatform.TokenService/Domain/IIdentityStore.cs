namespace NhiPlatform.TokenService.Domain;

/// <summary>Persistence of identities and their client secrets.</summary>
internal interface IIdentityStore
{
    Task<Identity?> FindAsync(string clientId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Identity>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates the identity with its first secret; false when the client id is taken.</summary>
    Task<bool> TryCreateAsync(Identity identity, ClientSecret secret, CancellationToken cancellationToken);

    /// <summary>Secrets of the client that are neither revoked nor expired at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ClientSecret>> FindUsableSecretsAsync(string clientId, DateTimeOffset now, CancellationToken cancellationToken);
}
