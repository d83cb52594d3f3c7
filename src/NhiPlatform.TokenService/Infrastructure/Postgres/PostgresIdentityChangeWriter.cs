using Npgsql;
using NpgsqlTypes;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>Writes one <see cref="IdentityChange"/> inside the caller's transaction.</summary>
internal static class PostgresIdentityChangeWriter
{
    private static readonly string Placeholders = string.Join(", ", Enumerable.Range(1, 17).Select(i => $"${i}"));

    /// <summary>
    /// Committed, or why not: a creation finding the client id taken, a federated credential over the limit or with a
    /// taken name (the caller then rolls back).
    /// </summary>
    public static async Task<CommitOutcome> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IdentityChange change, CancellationToken cancellationToken)
    {
        var sql = change.IsCreation
            ? $"INSERT INTO tokens.identities ({PostgresIdentityRows.IdentityColumns}) VALUES ({Placeholders}) ON CONFLICT (client_id) DO NOTHING"
            : """
              UPDATE tokens.identities SET display_name = $2, owner = $3, purpose = $4, allowed_scopes = $5, status = $6,
                  updated_at = $9, updated_by = $10, tags = $11, default_scopes = $12, allowed_audiences = $13,
                  token_lifetime_seconds = $14, credential_max_age_days = $15, expires_at = $16,
                  require_sender_constrained_tokens = $17
              WHERE client_id = $1 AND $7::timestamptz IS NOT NULL AND $8::text IS NOT NULL
              """;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            PostgresIdentityRows.AddIdentityParameters(command, change.Identity);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return CommitOutcome.ClientIdTaken;
            }
        }

        foreach (var secret in change.NewSecrets)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO tokens.client_secrets (secret_id, client_id, digest, created_at, expires_at, hint) VALUES ($1, $2, $3, $4, $5, $6)
                """, cancellationToken, secret.SecretId, secret.ClientId, secret.Digest, secret.CreatedAt, secret.ExpiresAt, (object?)secret.Hint ?? DBNull.Value);
        }

        foreach (var key in change.NewPublicKeys)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO tokens.public_keys (credential_id, client_id, key_id, jwk, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
                """, cancellationToken, key.CredentialId, key.ClientId, key.KeyId, key.Jwk, key.CreatedAt, key.ExpiresAt);
        }

        foreach (var federated in change.NewFederatedCredentials)
        {
            // The identity row updated above is locked until commit, so this count sees every concurrent addition before it.
            var inserted = await ExecuteAsync(connection, transaction, $"""
                INSERT INTO tokens.federated_credentials (credential_id, client_id, name, issuer, subject, audiences, claims, description, jwks, created_at, created_by)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
                WHERE (SELECT count(*) FROM tokens.federated_credentials WHERE client_id = $2) < {Federation.FederatedCredentialRules.MaxPerIdentity}
                ON CONFLICT (client_id, name) DO NOTHING
                """, cancellationToken, federated.CredentialId, federated.ClientId, federated.Name, federated.Issuer, federated.Subject, federated.Audiences.ToArray(),
                new NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(federated.Claims), NpgsqlDbType = NpgsqlDbType.Jsonb },
                (object?)federated.Description ?? DBNull.Value, (object?)federated.Jwks ?? DBNull.Value, federated.CreatedAt, federated.CreatedBy);
            if (inserted == 0)
            {
                return CommitOutcome.FederatedCredentialRefused;
            }
        }

        foreach (var deleted in change.DeletedFederatedCredentials)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM tokens.federated_credentials WHERE credential_id = $1", cancellationToken, deleted);
        }

        foreach (var update in change.CredentialUpdates)
        {
            var revoked = new NpgsqlParameter { Value = (object?)update.RevokedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
            await ExecuteAsync(connection, transaction,
                "UPDATE tokens.client_secrets SET expires_at = $2, revoked_at = COALESCE(revoked_at, $3::timestamptz) WHERE secret_id = $1",
                cancellationToken, update.CredentialId, update.ExpiresAt, revoked);
            revoked = revoked.Clone();
            await ExecuteAsync(connection, transaction,
                "UPDATE tokens.public_keys SET expires_at = $2, revoked_at = COALESCE(revoked_at, $3::timestamptz) WHERE credential_id = $1",
                cancellationToken, update.CredentialId, update.ExpiresAt, revoked);
        }

        var audit = change.Audit;
        await PostgresAudit.AppendAsync(connection, transaction, audit, cancellationToken);

        foreach (var (kind, payload) in change.Messages)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO tokens.outbox (kind, payload, created_at) VALUES ($1, $2, $3)",
                cancellationToken, kind, payload, audit.OccurredAt);
        }

        return CommitOutcome.Committed;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                NpgsqlParameter parameter => parameter,
                DBNull => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
