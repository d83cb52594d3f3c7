using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Inventory.Domain;
using static NhiPlatform.Inventory.Infrastructure.Postgres.PostgresRows;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>The read side over the catalogue, edges, callers and the ledger.</summary>
internal sealed class PostgresInventoryReader(NpgsqlDataSource dataSource) : IInventoryReader
{
    private const string CredentialFrom = "FROM inventory.credentials c LEFT JOIN inventory.identities i ON i.client_id = c.client_id";

    public async Task<InventorySnapshot> LoadSnapshotAsync(DateTimeOffset hourlySince, CancellationToken cancellationToken)
    {
        await using var hourly = dataSource.CreateCommand("SELECT caller, hour, calls FROM inventory.usage_hourly WHERE hour >= $1");
        hourly.Parameters.Add(new NpgsqlParameter { Value = hourlySince.ToUniversalTime() });
        await using var sources = dataSource.CreateCommand("SELECT caller, source_address, first_seen, last_seen, calls FROM inventory.caller_sources");
        return new InventorySnapshot
        {
            Identities = await ListIdentitiesAsync(cancellationToken),
            Credentials = await GetCredentialsAsync(new CredentialQuery(), cancellationToken),
            Callers = await ReadAllAsync(dataSource.CreateCommand("SELECT caller, caller_kind, first_seen, last_seen, calls, denials, authentication_methods FROM inventory.callers"), Caller, cancellationToken),
            Edges = await GetEdgesAsync(null, null, null, cancellationToken),
            Sources = await ReadAllAsync(sources, Source, cancellationToken),
            Hourly = await ReadAllAsync(hourly, r => new HourlyCount(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2)), cancellationToken),
        };
    }

    public async Task<IReadOnlyList<IdentityRecord>> ListIdentitiesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IdentityColumns} FROM inventory.identities ORDER BY client_id");
        return await ReadAllAsync(command, Identity, cancellationToken);
    }

    public async Task<IdentityRecord?> GetIdentityAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IdentityColumns} FROM inventory.identities WHERE client_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clientId });
        return (await ReadAllAsync(command, Identity, cancellationToken)).SingleOrDefault();
    }

    public async Task<CallerRecord?> GetCallerAsync(string caller, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT caller, caller_kind, first_seen, last_seen, calls, denials, authentication_methods FROM inventory.callers WHERE caller = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = caller });
        return (await ReadAllAsync(command, Caller, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<EdgeRecord>> GetEdgesAsync(string? caller, string? routeId, string? service, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {EdgeColumns} FROM inventory.edges
            WHERE ($1::text IS NULL OR caller = $1) AND ($2::text IS NULL OR route_id = $2) AND ($3::text IS NULL OR service = $3)
            ORDER BY last_seen DESC
            """);
        command.Parameters.Add(Nullable(caller, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(routeId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(service, NpgsqlDbType.Text));
        return await ReadAllAsync(command, Edge, cancellationToken);
    }

    public async Task<IReadOnlyList<CredentialRecord>> GetCredentialsAsync(CredentialQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {CredentialColumns} {CredentialFrom}
            WHERE ($1::text IS NULL OR c.client_id = $1)
              AND ($2::timestamptz IS NULL OR coalesce(c.last_rotated_at, c.created_at) < $2)
              AND ($3::text IS NULL OR c.name ILIKE $3 OR c.hint ILIKE $3 OR c.subject ILIKE $3 OR c.serial_number ILIKE $3
                   OR c.fingerprint ILIKE $3 OR c.system ILIKE $3 OR c.credential_id ILIKE $3)
              AND (NOT $4 OR c.revoked_at IS NULL)
            ORDER BY coalesce(c.last_rotated_at, c.created_at) NULLS FIRST, c.credential_id
            """);
        command.Parameters.Add(Nullable(query.ClientId, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(query.RotatedBefore?.ToUniversalTime(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Nullable(query.Search is null ? null : $"%{query.Search}%", NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = query.LiveOnly });
        return await ReadAllAsync(command, Credential, cancellationToken);
    }

    public async Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(string caller, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT caller, source_address, first_seen, last_seen, calls FROM inventory.caller_sources WHERE caller = $1 ORDER BY last_seen DESC");
        command.Parameters.Add(new NpgsqlParameter { Value = caller });
        return await ReadAllAsync(command, Source, cancellationToken);
    }

    public async Task<IReadOnlyList<CallerRecord>> FindTokenUsageAsync(string tokenId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT coalesce(client_id, 'anonymous'), CASE WHEN client_id IS NULL THEN 'anonymous' ELSE 'identity' END,
                   min(occurred_at), max(occurred_at), count(*), count(*) FILTER (WHERE decision = 'denied'), '{}'::text[]
            FROM inventory.usage_events WHERE token_id = $1 GROUP BY client_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tokenId });
        return await ReadAllAsync(command, Caller, cancellationToken);
    }
}
