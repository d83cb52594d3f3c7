using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Signing;

/// <summary>
/// The keys this replica signs with and publishes, loaded from the shared store. The newest unretired key signs;
/// every unrevoked key stays published so tokens it signed keep validating until they expire.
/// </summary>
internal sealed class SigningKeyRing(ISigningKeyStore store, SigningKeyFactory factory)
{
    private volatile IReadOnlyList<SigningKey> _keys = [];

    public SigningKey Current => _keys.FirstOrDefault(k => k.Stored.RetiredAt is null)
        ?? throw new InvalidOperationException("No signing key is loaded.");

    public IReadOnlyList<SigningKey> Published => _keys;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await store.EnsureOneAsync(factory.CreateRsa, cancellationToken);
        var stored = await store.ListPublishedAsync(cancellationToken);
        _keys = [.. stored.Select(factory.Open)];
    }
}
