using System.Security.Cryptography;
using NhiPlatform.Inventory.Live;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>
/// Tickets in Redis (so any replica can redeem one another issued): 256 random bits, stored only as their SHA-256 with
/// a TTL, deleted on first use (GETDEL).
/// </summary>
internal sealed class RedisLiveTicketStore(IConnectionMultiplexer redis) : ILiveTicketStore
{
    private const string Prefix = "inventory:live:ticket:";

    public async Task<string> IssueAsync(string clientId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var ticket = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await redis.GetDatabase().StringSetAsync(Key(ticket), clientId, lifetime);
        return ticket;
    }

    public async Task<string?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        if (ticket.Length is 0 or > 100)
        {
            return null;
        }

        var value = await redis.GetDatabase().StringGetDeleteAsync(Key(ticket));
        return value.IsNullOrEmpty ? null : value.ToString();
    }

    private static string Key(string ticket) => Prefix + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ticket)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
