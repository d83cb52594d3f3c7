using System.Security.Cryptography;
using System.Text;

namespace NhiPlatform.TokenService.KeyProtection;

/// <summary>
/// A 256-bit AES key derived (HKDF-SHA256) from a configured secret, and a short id that names it in the stored XML
/// (a hash of the derived key: it tells keys apart without revealing them).
/// </summary>
internal sealed class KeyEncryptionKey
{
    public const int MinimumSecretLength = 32;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("NhiPlatform.TokenService.KeyRing.KEK.v1");

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
    }

    public string Id { get; }

    public byte[] Key { get; }

    public static KeyEncryptionKey FromSecret(string secret)
    {
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"A key-encryption key has at least {MinimumSecretLength} characters.", nameof(secret));
        }

        return new KeyEncryptionKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: [], Info));
    }
}
