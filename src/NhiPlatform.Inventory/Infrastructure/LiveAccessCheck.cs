using System.Globalization;
using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Inventory.Live;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Infrastructure;

/// <summary>
/// Reads what the token service publishes (<see cref="NhiRevocation"/>: revoked <c>jti</c>s and identity cut-offs, as
/// the gateway does) and the catalogue the inventory keeps from <c>identity.changed</c> events. Redis answers at once
/// for disable, delete and credential revocation; the catalogue also sees a lost <c>nhi.read</c> or an expiry. An
/// identity the catalogue does not know yet (its creation still on its way) is judged by the revocation data alone.
/// </summary>
internal sealed class LiveAccessCheck(IConnectionMultiplexer redis, NpgsqlDataSource dataSource) : ILiveAccessCheck
{
    public async Task<IReadOnlySet<LiveHolder>> FindRevokedAsync(IReadOnlyCollection<LiveHolder> holders, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = new HashSet<LiveHolder>();
        var clientIds = holders.Select(h => h.ClientId).Distinct().ToArray();
        var database = redis.GetDatabase();
        var cutoffs = await database.HashGetAsync(NhiRevocation.IdentityCutoffsKey, [.. clientIds.Select(id => (RedisValue)id)]);
        var cutoffByClient = clientIds.Zip(cutoffs).ToDictionary(pair => pair.First, pair => Seconds(pair.Second));
        foreach (var holder in holders)
        {
            // No iat reads as 0: older than any cut-off (fail closed), as at the gateway.
            if (cutoffByClient[holder.ClientId] is { } cutoff && holder.IssuedAt < cutoff)
            {
                revoked.Add(holder);
            }
            else if (holder.TokenId is { } jti && await database.SortedSetScoreAsync(NhiRevocation.RevokedTokensKey, jti) is not null)
            {
                revoked.Add(holder);
            }
        }

        var mayRead = await ReadersAsync(clientIds, now, cancellationToken);
        revoked.UnionWith(holders.Where(h => mayRead.TryGetValue(h.ClientId, out var allowed) && !allowed));
        return revoked;
    }

    /// <summary>For each identity the catalogue knows: active, not expired and allowed <c>nhi.read</c>.</summary>
    private async Task<Dictionary<string, bool>> ReadersAsync(string[] clientIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT client_id, status = 'active' AND (expires_at IS NULL OR expires_at > $2) AND $3 = ANY (allowed_scopes)
            FROM inventory.identities WHERE client_id = ANY ($1)
            """);
        command.Parameters.AddWithValue(clientIds);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(NhiScopes.Read);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return result;
    }

    /// <summary>A cut-off that cannot be read counts as "everything issued so far" (fail closed).</summary>
    private static long? Seconds(RedisValue value) =>
        value.IsNull ? null
        : long.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds
        : double.TryParse((string?)value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fractional) ? (long)fractional
        : long.MaxValue;
}
