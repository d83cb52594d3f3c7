using Npgsql;
using NhiPlatform.TokenService.Domain;
using static NhiPlatform.TokenService.Infrastructure.Postgres.PostgresIdentityRows;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

internal sealed class PostgresIdentityStore(NpgsqlDataSource dataSource) : IIdentityStore
{
    public async Task<Identity?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IdentityColumns} FROM tokens.identities WHERE client_id = $1");
        command.Parameters.AddWithValue(clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadIdentity(reader) : null;
    }

    public async Task<IdentityRecord?> FindRecordAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {IdentityColumns} FROM tokens.identities WHERE client_id = $1") { Parameters = { new() { Value = clientId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {SecretColumns} FROM tokens.client_secrets WHERE client_id = $1 ORDER BY created_at") { Parameters = { new() { Value = clientId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {PublicKeyColumns} FROM tokens.public_keys WHERE client_id = $1 ORDER BY created_at") { Parameters = { new() { Value = clientId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {FederatedColumns} FROM tokens.federated_credentials WHERE client_id = $1 ORDER BY created_at") { Parameters = { new() { Value = clientId } } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var identity = ReadIdentity(reader);
        await reader.NextResultAsync(cancellationToken);
        var secrets = new List<ClientSecret>();
        while (await reader.ReadAsync(cancellationToken))
        {
            secrets.Add(ReadSecret(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        var keys = new List<ClientPublicKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(ReadPublicKey(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        var federated = new List<FederatedCredential>();
        while (await reader.ReadAsync(cancellationToken))
        {
            federated.Add(ReadFederated(reader));
        }

        return new IdentityRecord(identity, secrets, keys) { FederatedCredentials = federated };
    }

    public async Task<IReadOnlyList<string>> FindFederatedClientIdsAsync(string issuer, string subject, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT client_id FROM tokens.federated_credentials WHERE issuer = $1 AND subject = $2 ORDER BY client_id LIMIT $3");
        command.Parameters.AddWithValue(issuer);
        command.Parameters.AddWithValue(subject);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var clientIds = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            clientIds.Add(reader.GetString(0));
        }

        return clientIds;
    }

    public async Task<IReadOnlyList<Identity>> ListAsync(IdentityQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {IdentityColumns} FROM tokens.identities
            WHERE ($1::text IS NULL OR owner = $1) AND ($2::text IS NULL OR status = $2)
              AND ($3::jsonb IS NULL OR tags @> $3::jsonb) AND ($4::text IS NULL OR $4 = ANY (allowed_scopes))
            ORDER BY client_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Owner ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)TagJson(query.Tag) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Scope ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var identities = new List<Identity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            identities.Add(ReadIdentity(reader));
        }

        return identities;
    }

    public async Task<CommitOutcome> CommitAsync(IdentityChange change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (change.EndsAdministration)
        {
            await PostgresAdministrationGuard.LockAsync(connection, transaction, cancellationToken);
        }

        if (await PostgresIdentityChangeWriter.WriteAsync(connection, transaction, change, cancellationToken) is var written and not CommitOutcome.Committed)
        {
            return written;
        }

        if (change.EndsAdministration && !await PostgresAdministrationGuard.AnyLastingAdministratorAsync(connection, transaction, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return CommitOutcome.LastAdministrator;
        }

        await transaction.CommitAsync(cancellationToken);
        return CommitOutcome.Committed;
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, occurred_at, actor, action, target, before::text, after::text, reason FROM tokens.audit_log
            WHERE ($1::text IS NULL OR target = $1) AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
              AND ($4::timestamptz IS NULL OR occurred_at >= $4) AND ($5::bigint IS NULL OR id < $5)
            ORDER BY id DESC LIMIT $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Since ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.BeforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue(query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadAudit(reader));
        }

        return entries;
    }

    public async Task MarkUsedAsync(IReadOnlyCollection<Guid> credentialIds, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var ids = credentialIds.ToArray();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE tokens.client_secrets SET last_used_at = $2 WHERE secret_id = ANY ($1)") { Parameters = { new() { Value = ids }, new() { Value = usedAt } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE tokens.public_keys SET last_used_at = $2 WHERE credential_id = ANY ($1)") { Parameters = { new() { Value = ids }, new() { Value = usedAt } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE tokens.federated_credentials SET last_used_at = $2 WHERE credential_id = ANY ($1)") { Parameters = { new() { Value = ids }, new() { Value = usedAt } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? TagJson(string? tag)
    {
        if (tag is null)
        {
            return null;
        }

        var separator = tag.IndexOf('=', StringComparison.Ordinal);
        var (key, value) = separator < 0 ? (tag, string.Empty) : (tag[..separator], tag[(separator + 1)..]);
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value });
    }
}
