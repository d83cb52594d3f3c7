using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NhiPlatform.Inventory.Live;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>
/// Tickets in Redis (so any replica can redeem one another issued): 256 random bits, stored only as their SHA-256 with
/// a TTL, deleted on first use (GETDEL). Per identity, a sorted set of its unused tickets and one of its open streams
/// (score: expiry in Unix milliseconds) bound both across replicas; each bound is checked and taken in one script.
/// </summary>
internal sealed class RedisLiveTicketStore(IConnectionMultiplexer redis) : ILiveTicketStore
{
    private const string Prefix = "inventory:live:ticket:";
    private const string TicketsPrefix = "inventory:live:tickets:";
    private const string StreamsPrefix = "inventory:live:streams:";

    /// <summary>KEYS[1] set, KEYS[2] ticket (or nil); ARGV now, expiry, max, member, value, ttl ms. 1 when taken.</summary>
    private const string TakeScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        if KEYS[2] then redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6]) end
        return 1
        """;

    public async Task<string?> IssueAsync(LiveHolder holder, TimeSpan lifetime, int maxOutstanding, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticket = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = Key(ticket);
        var taken = await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [TicketsPrefix + holder.ClientId, key],
        [
            now.ToUnixTimeMilliseconds(), (now + lifetime).ToUnixTimeMilliseconds(), maxOutstanding, key,
            JsonSerializer.Serialize(holder, InventoryJsonContext.Default.LiveHolder), (long)lifetime.TotalMilliseconds,
        ]);
        return (int)taken == 1 ? ticket : null;
    }

    public async Task<LiveHolder?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        if (ticket.Length is 0 or > 100)
        {
            return null;
        }

        var key = Key(ticket);
        var database = redis.GetDatabase();
        var value = await database.StringGetDeleteAsync(key);
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        var holder = JsonSerializer.Deserialize((string)value!, InventoryJsonContext.Default.LiveHolder);
        if (holder is not null)
        {
            await database.SortedSetRemoveAsync(TicketsPrefix + holder.ClientId, key);
        }

        return holder;
    }

    public async Task<bool> TryOpenStreamAsync(string clientId, Guid streamId, int maxOpen, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [StreamsPrefix + clientId],
        [
            now.ToUnixTimeMilliseconds(), (now + lease).ToUnixTimeMilliseconds(), maxOpen, streamId.ToString("N"), string.Empty,
            (long)lease.TotalMilliseconds,
        ]);
        return (int)taken == 1;
    }

    public async Task RenewStreamsAsync(IReadOnlyCollection<(string ClientId, Guid StreamId)> streams, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (streams.Count == 0)
        {
            return;
        }

        var database = redis.GetDatabase();
        var expiry = (now + lease).ToUnixTimeMilliseconds();
        await Task.WhenAll(streams.Select(stream => database.SortedSetAddAsync(
            StreamsPrefix + stream.ClientId, stream.StreamId.ToString("N"), expiry, SortedSetWhen.Exists)));
        await Task.WhenAll(streams.Select(s => s.ClientId).Distinct().Select(clientId => database.KeyExpireAsync(StreamsPrefix + clientId, lease)));
    }

    public Task CloseStreamAsync(string clientId, Guid streamId, CancellationToken cancellationToken) =>
        redis.GetDatabase().SortedSetRemoveAsync(StreamsPrefix + clientId, streamId.ToString("N"));

    private static string Key(string ticket) => Prefix + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ticket)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
