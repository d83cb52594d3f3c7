using System.Security.Cryptography;
using StackExchange.Redis;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// The nonce key, created once in Redis by whichever replica comes first (SET NX) and then read by all; kept in memory
/// after the first read. It only authenticates nonces (freshness), so holding it in Redis risks no token or key.
/// </summary>
public sealed class RedisDPoPNonceKey(IConnectionMultiplexer redis) : IDPoPNonceKey
{
    public const string Key = "nhi:dpop:nonce-key";
    private byte[]? _secret;

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_secret is { } secret)
        {
            return secret;
        }

        var database = redis.GetDatabase();
        await database.StringSetAsync(Key, RandomNumberGenerator.GetBytes(32), when: When.NotExists);
        var stored = (byte[]?)await database.StringGetAsync(Key);
        if (stored is not { Length: 32 })
        {
            throw new InvalidOperationException("The DPoP nonce key in Redis is not 32 bytes.");
        }

        return _secret = stored;
    }
}
