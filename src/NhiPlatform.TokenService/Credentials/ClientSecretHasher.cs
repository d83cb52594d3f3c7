using System.Security.Cryptography;
using System.Text;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>
/// Digests client secrets with HMAC-SHA256 under a server key. A fast hash is right here: our secrets carry 256
/// random bits, so no guessing attack exists for a slow hash (PBKDF2, bcrypt) to slow down, and a slow hash would
/// cost every token request milliseconds. The key means a stolen table alone cannot even confirm a leaked secret.
/// </summary>
internal sealed class ClientSecretHasher
{
    private byte[]? _key;

    public const string KeyName = "client-secret-digest-key";

    public bool IsInitialized => _key is not null;

    public void Initialize(byte[] key) => _key = key.Length >= 32 ? key : throw new ArgumentException("The digest key must have 256 bits.", nameof(key));

    public byte[] Digest(string secret) =>
        HMACSHA256.HashData(_key ?? throw new InvalidOperationException("The client-secret digest key is not loaded."),
            Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison against every candidate, so timing tells nothing about which matched.</summary>
    public bool MatchesAny(string secret, IEnumerable<byte[]> digests) => IndexOfMatch(secret, [.. digests]) >= 0;

    /// <summary>The index of the matching digest, or -1; every candidate is compared in constant time.</summary>
    public int IndexOfMatch(string secret, IReadOnlyList<byte[]> digests)
    {
        var digest = Digest(secret);
        var match = -1;
        for (var i = 0; i < digests.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, digests[i]))
            {
                match = i;
            }
        }

        return match;
    }
}
