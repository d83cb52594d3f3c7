using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Signing;

/// <summary>
/// The keys this replica signs with and publishes, loaded from the shared store. The newest activated key signs;
/// a key is published from its creation (before it signs) until its retention after retirement has passed, or
/// until it is revoked.
/// </summary>
internal sealed class SigningKeyRing(ISigningKeyStore store, SigningKeyFactory factory, IOptions<SigningOptions> options, TimeProvider timeProvider)
{
    private volatile IReadOnlyList<SigningKey> _keys = [];

    public SigningKey Current
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            var keys = _keys;
            return keys.FirstOrDefault(k => k.Stored.SignsAt(now))
                // Between a retirement instant and this replica's reload, keep signing with the newest activated key.
                ?? keys.FirstOrDefault(k => k.Stored.RevokedAt is null && k.Stored.ActivatesAt <= now)
                ?? throw new InvalidOperationException("No signing key is loaded.");
        }
    }

    public IReadOnlyList<SigningKey> Published
    {
        get
        {
            var now = timeProvider.GetUtcNow();
            return [.. _keys.Where(k => k.Stored.IsPublishedAt(now, options.Value.RetiredKeyRetention))];
        }
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await store.EnsureOneAsync(() => factory.Create(), cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    /// <summary>Reads the shared key set again; opened keys are reused, revoked ones dropped.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken);
        var opened = _keys.ToDictionary(k => k.Stored.KeyId, StringComparer.Ordinal);
        _keys = [.. stored.Where(s => s.RevokedAt is null)
            .Select(s => opened.TryGetValue(s.KeyId, out var key) ? key with { Stored = s } : factory.Open(s))];
    }
}
