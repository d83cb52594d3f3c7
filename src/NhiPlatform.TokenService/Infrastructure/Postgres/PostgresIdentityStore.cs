using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

internal sealed class PostgresIdentityStore(NpgsqlDataSource dataSource) : IIdentityStore
{
    private const string IdentityColumns =
        "client_id, display_name, owner, purpose, allowed_scopes, status, created_at, created_by, updated_at, updated_by";

    public async Task<Identity?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IdentityColumns} FROM tokens.identities WHERE client_id = $1");
        command.Parameters.AddWithValue(clientId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadIdentity(reader) : null;
    }

    public async Task<IReadOnlyList<Identity>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {IdentityColumns} FROM tokens.identities ORDER BY client_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var identities = new List<Identity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            identities.Add(ReadIdentity(reader));
        }

        return identities;
    }

    public async Task<bool> TryCreateAsync(Identity identity, ClientSecret secret, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO tokens.identities ({IdentityColumns})
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (client_id) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(identity.ClientId);
            insert.Parameters.AddWithValue(identity.DisplayName);
            insert.Parameters.AddWithValue(identity.Owner);
            insert.Parameters.AddWithValue(identity.Purpose);
            insert.Parameters.AddWithValue(identity.AllowedScopes.ToArray());
            insert.Parameters.AddWithValue(identity.Status);
            insert.Parameters.AddWithValue(identity.CreatedAt);
            insert.Parameters.AddWithValue(identity.CreatedBy);
            insert.Parameters.AddWithValue(identity.UpdatedAt);
            insert.Parameters.AddWithValue(identity.UpdatedBy);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using (var insertSecret = new NpgsqlCommand("""
            INSERT INTO tokens.client_secrets (secret_id, client_id, digest, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5)
            """, connection, transaction))
        {
            insertSecret.Parameters.AddWithValue(secret.SecretId);
            insertSecret.Parameters.AddWithValue(secret.ClientId);
            insertSecret.Parameters.AddWithValue(secret.Digest);
            insertSecret.Parameters.AddWithValue(secret.CreatedAt);
            insertSecret.Parameters.AddWithValue(secret.ExpiresAt);
            await insertSecret.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ClientSecret>> FindUsableSecretsAsync(string clientId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT secret_id, client_id, digest, created_at, expires_at, revoked_at
            FROM tokens.client_secrets
            WHERE client_id = $1 AND revoked_at IS NULL AND expires_at > $2
            """);
        command.Parameters.AddWithValue(clientId);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var secrets = new List<ClientSecret>();
        while (await reader.ReadAsync(cancellationToken))
        {
            secrets.Add(new ClientSecret
            {
                SecretId = reader.GetGuid(0),
                ClientId = reader.GetString(1),
                Digest = reader.GetFieldValue<byte[]>(2),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                ExpiresAt = reader.GetFieldValue<DateTimeOffset>(4),
                RevokedAt = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            });
        }

        return secrets;
    }

    private static Identity ReadIdentity(NpgsqlDataReader reader) => new()
    {
        ClientId = reader.GetString(0),
        DisplayName = reader.GetString(1),
        Owner = reader.GetString(2),
        Purpose = reader.GetString(3),
        AllowedScopes = reader.GetFieldValue<string[]>(4),
        Status = reader.GetString(5),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
        CreatedBy = reader.GetString(7),
        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(8),
        UpdatedBy = reader.GetString(9),
    };
}
