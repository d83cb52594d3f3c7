using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// SET NX with an expiry of the proof window: the first replica to record a proof id wins, every later use anywhere is a
/// replay. The key is a digest, so a caller's long or odd <c>jti</c> never shapes our keys.
/// </summary>
public sealed class RedisDPoPReplayCache(IConnectionMultiplexer redis) : IDPoPReplayCache
{
    public const string KeyPrefix = "nhi:dpop:jti:";

    public Task<bool> TryUseAsync(string thumbprint, string tokenId, TimeSpan window, CancellationToken cancellationToken)
    {
        var digest = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(thumbprint + "\n" + tokenId)));
        return redis.GetDatabase().StringSetAsync(KeyPrefix + digest, 1, window, When.NotExists);
    }
}
