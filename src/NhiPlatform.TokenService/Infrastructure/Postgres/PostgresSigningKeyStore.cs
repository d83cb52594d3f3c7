using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

internal sealed class PostgresSigningKeyStore(NpgsqlDataSource dataSource) : ISigningKeyStore
{
    private const string Columns = "key_id, algorithm, protected_private_key, created_at, activates_at, retired_at, revoked_at";

    public async Task<IReadOnlyList<StoredSigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ListAsync(connection, null, cancellationToken);
    }

    public async Task EnsureOneAsync(Func<StoredSigningKey> createKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, cancellationToken);
        if ((await ListAsync(connection, transaction, cancellationToken)).Any(k => k.RevokedAt is null && k.RetiredAt is null))
        {
            return;
        }

        await InsertAsync(connection, transaction, createKey(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RotateAsync(StoredSigningKey key, DateTimeOffset? onlyIfOlderThan, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, cancellationToken);
        var keys = await ListAsync(connection, transaction, cancellationToken);
        if (onlyIfOlderThan is { } threshold && keys.Any(k => k.RevokedAt is null && k.CreatedAt >= threshold))
        {
            return false;
        }

        await ExecuteAsync(connection, transaction,
            "UPDATE tokens.signing_keys SET retired_at = $1 WHERE revoked_at IS NULL AND (retired_at IS NULL OR retired_at > $1)",
            cancellationToken, key.ActivatesAt);
        await InsertAsync(connection, transaction, key, cancellationToken);
        await PostgresAudit.AppendAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset now, Func<StoredSigningKey> replacement, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await LockAsync(connection, cancellationToken);
        var keys = await ListAsync(connection, transaction, cancellationToken);
        if (keys.FirstOrDefault(k => k.KeyId == keyId) is not { RevokedAt: null })
        {
            return false;
        }

        await ExecuteAsync(connection, transaction, "UPDATE tokens.signing_keys SET revoked_at = $2 WHERE key_id = $1", cancellationToken, keyId, now);
        if (!keys.Any(k => k.KeyId != keyId && k.SignsAt(now)))
        {
            // No other key signs now: the replacement signs at once (an emergency cannot wait for the publish lead time),
            // and a key that was still waiting to activate is pulled forward instead of being retired.
            await ExecuteAsync(connection, transaction, "UPDATE tokens.signing_keys SET retired_at = $1 WHERE revoked_at IS NULL AND retired_at IS NULL", cancellationToken, now);
            await InsertAsync(connection, transaction, replacement() with { ActivatesAt = now }, cancellationToken);
        }

        await PostgresAudit.AppendAsync(connection, transaction, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<NpgsqlTransaction> LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('nhi-tokens:signing-keys'))", cancellationToken);
        return transaction;
    }

    private static async Task<IReadOnlyList<StoredSigningKey>> ListAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM tokens.signing_keys ORDER BY activates_at DESC, created_at DESC", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<StoredSigningKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredSigningKey
            {
                KeyId = reader.GetString(0),
                Algorithm = reader.GetString(1),
                ProtectedPrivateKey = reader.GetString(2),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                ActivatesAt = reader.GetFieldValue<DateTimeOffset>(4),
                RetiredAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                RevokedAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return keys;
    }

    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredSigningKey key, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO tokens.signing_keys (key_id, algorithm, protected_private_key, created_at, activates_at) VALUES ($1, $2, $3, $4, $5)
            """, cancellationToken, key.KeyId, key.Algorithm, key.ProtectedPrivateKey, key.CreatedAt,
            key.ActivatesAt == default ? key.CreatedAt : key.ActivatesAt);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
