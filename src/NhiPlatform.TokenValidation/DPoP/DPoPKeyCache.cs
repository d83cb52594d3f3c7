using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// Proof keys that already verified a signature, by their JSON text: a client sends the same <c>jwk</c> with every proof,
/// and parsing it, importing it into the platform's crypto and hashing its thumbprint each time cost more than the check
/// itself. Only keys that verified are kept, and the cache is emptied when full, so callers cannot grow it without bound.
/// </summary>
internal sealed class DPoPKeyCache
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (JsonWebKey Key, string Thumbprint)> _keys = new(StringComparer.Ordinal);

    public bool TryGet(string jwk, out JsonWebKey key, out string thumbprint)
    {
        var found = _keys.TryGetValue(jwk, out var entry);
        (key, thumbprint) = entry;
        return found;
    }

    public void Add(string jwk, JsonWebKey key, string thumbprint)
    {
        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        _keys.TryAdd(jwk, (key, thumbprint));
    }
}
