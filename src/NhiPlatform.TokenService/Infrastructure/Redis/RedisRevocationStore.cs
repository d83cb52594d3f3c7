using System.Text.Json;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.TokenService.Domain;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Infrastructure.Redis;

/// <summary>
/// Revocations exactly as <see cref="NhiRevocation"/> defines them: revoked token ids in a sorted set scored by
/// expiry (trimmed as they expire), per-client cut-offs in a hash (only ever moved later), each change published.
/// </summary>
internal sealed class RedisRevocationStore(IConnectionMultiplexer redis, TimeProvider timeProvider) : IRevocationStore
{
    // HSET only if the new cut-off is later than the stored one, so replays and races never move it back.
    private const string RaiseCutOffScript = """
        local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
        if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
        return 1
        """;

    public async Task ApplyAsync(RevocationMessage message, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        if (message.Kind == RevocationMessage.TokenKind)
        {
            var expires = message.ExpiresAt ?? throw new ArgumentException("A token revocation needs its expiry.", nameof(message));
            await database.SortedSetAddAsync(NhiRevocation.RevokedTokensKey, message.TokenId, expires.ToUnixTimeSeconds());
            await database.SortedSetRemoveRangeByScoreAsync(NhiRevocation.RevokedTokensKey, double.NegativeInfinity,
                timeProvider.GetUtcNow().ToUnixTimeSeconds(), Exclude.Stop);
        }
        else
        {
            var cutOff = message.IssuedBefore ?? throw new ArgumentException("An identity cut-off needs its instant.", nameof(message));
            await database.ScriptEvaluateAsync(RaiseCutOffScript, [NhiRevocation.IdentityCutoffsKey],
                [message.ClientId, cutOff.ToUnixTimeSeconds()]);
        }

        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(NhiRevocation.Channel),
            JsonSerializer.Serialize(message, RevocationJsonContext.Default.RevocationMessage));
    }

    public async Task<bool> IsRevokedAsync(string tokenId, string clientId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        var revoked = database.SortedSetScoreAsync(NhiRevocation.RevokedTokensKey, tokenId);
        var cutOff = database.HashGetAsync(NhiRevocation.IdentityCutoffsKey, clientId);
        if (await revoked is not null)
        {
            return true;
        }

        return (await cutOff) is { HasValue: true } value && long.TryParse(value.ToString(), out var seconds)
            && issuedAt.ToUnixTimeSeconds() < seconds;
    }
}
