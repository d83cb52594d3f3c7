using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

internal sealed class PostgresSigningKeyStore(NpgsqlDataSource dataSource) : ISigningKeyStore
{
    public async Task<IReadOnlyList<StoredSigningKey>> ListPublishedAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT key_id, algorithm, protected_private_key, created_at, retired_at, revoked_at
            FROM tokens.signing_keys WHERE revoked_at IS NULL ORDER BY created_at DESC
            """);
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
                RetiredAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                RevokedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            });
        }

        return keys;
    }

    public async Task EnsureOneAsync(Func<StoredSigningKey> createKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('nhi-tokens:signing-keys'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var exists = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM tokens.signing_keys WHERE revoked_at IS NULL AND retired_at IS NULL)", connection, transaction))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        var key = createKey();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO tokens.signing_keys (key_id, algorithm, protected_private_key, created_at) VALUES ($1, $2, $3, $4)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(key.KeyId);
            insert.Parameters.AddWithValue(key.Algorithm);
            insert.Parameters.AddWithValue(key.ProtectedPrivateKey);
            insert.Parameters.AddWithValue(key.CreatedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
