using Microsoft.Extensions.Options;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>The current key-encryption key and those still accepted for decryption, by id; none in development without a key.</summary>
internal sealed class KeyEncryptionKeys
{
    private readonly Dictionary<string, KeyEncryptionKey> _byId;

    public KeyEncryptionKeys(IOptions<KeyEncryptionOptions> options)
    {
        var value = options.Value;
        Current = string.IsNullOrEmpty(value.Key) ? null : KeyEncryptionKey.FromSecret(value.Key);
        _byId = value.PreviousKeys.Where(key => !string.IsNullOrEmpty(key)).Select(KeyEncryptionKey.FromSecret)
            .Concat(Current is null ? [] : [Current])
            .ToDictionary(key => key.Id, StringComparer.Ordinal);
    }

    /// <summary>The key new ciphertexts use; null when none is configured (development only).</summary>
    public KeyEncryptionKey? Current { get; }

    public KeyEncryptionKey? Find(string id) => _byId.GetValueOrDefault(id);
}
