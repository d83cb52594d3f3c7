namespace NhiPlatform.TokenService.Domain;

/// <summary>Secrets the server itself holds (protected at rest), created once and shared by replicas.</summary>
internal interface IServerSecretStore
{
    /// <summary>The value stored under <paramref name="name"/>, created from <paramref name="create"/> if absent.</summary>
    Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken);
}
