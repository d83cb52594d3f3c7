using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>The catalogue in <c>inventory.identities</c>, <c>credentials</c> and <c>identity_events</c>.</summary>
internal sealed class PostgresIdentityCatalogue(NpgsqlDataSource dataSource) : IIdentityCatalogue
{
    public async Task<int> ApplyAsync(
        IReadOnlyList<IdentityChangedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var applied = 0;
        foreach (var change in events.OrderBy(e => e.OccurredAt))
        {
            if (!await RecordAsync(connection, transaction, change, cancellationToken))
            {
                continue;
            }

            applied++;
            if (await UpsertIdentityAsync(connection, transaction, change, cancellationToken))
            {
                foreach (var credential in change.Identity.Credentials)
                {
                    await UpsertCredentialAsync(connection, transaction, change.ClientId, credential, cancellationToken);
                }

                // A deleted federated credential is gone from the identity's list: the change's own snapshot marks it revoked here.
                if (change.Credential is { RevokedAt: not null } changed && change.Identity.Credentials.All(c => c.CredentialId != changed.CredentialId))
                {
                    await UpsertCredentialAsync(connection, transaction, change.ClientId, changed, cancellationToken);
                }
            }
        }

        if (deadLetters.Count > 0)
        {
            await PostgresDeadLetters.InsertAsync(connection, transaction, deadLetters, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task<bool> RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IdentityChangedEvent change, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inventory.identity_events (event_id, client_id, change, actor, occurred_at)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = change.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = change.ClientId });
        command.Parameters.Add(new NpgsqlParameter { Value = change.Change });
        command.Parameters.Add(new NpgsqlParameter { Value = change.Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = change.OccurredAt.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<bool> UpsertIdentityAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IdentityChangedEvent change, CancellationToken cancellationToken)
    {
        var identity = change.Identity;
        await using var command = new NpgsqlCommand("""
            INSERT INTO inventory.identities AS t (client_id, display_name, owner, purpose, tags, allowed_scopes, allowed_audiences, status,
                token_lifetime_seconds, credential_max_age_days, expires_at, created_at, created_by, updated_at, updated_by,
                status_changed_at, last_change, last_event_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $16)
            ON CONFLICT (client_id) DO UPDATE SET display_name = excluded.display_name, owner = excluded.owner, purpose = excluded.purpose,
                tags = excluded.tags, allowed_scopes = excluded.allowed_scopes, allowed_audiences = excluded.allowed_audiences,
                status = excluded.status, token_lifetime_seconds = excluded.token_lifetime_seconds,
                credential_max_age_days = excluded.credential_max_age_days, expires_at = excluded.expires_at,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                status_changed_at = CASE WHEN t.status <> excluded.status THEN excluded.status_changed_at ELSE t.status_changed_at END,
                last_change = excluded.last_change, last_event_at = excluded.last_event_at
            WHERE t.last_event_at <= excluded.last_event_at
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = identity.ClientId });
        p.Add(new NpgsqlParameter { Value = identity.DisplayName });
        p.Add(new NpgsqlParameter { Value = identity.Owner });
        p.Add(new NpgsqlParameter { Value = identity.Purpose });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(identity.Tags, InventoryJsonContext.Default.IReadOnlyDictionaryStringString) });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = identity.AllowedScopes.ToArray() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = identity.AllowedAudiences.ToArray() });
        p.Add(new NpgsqlParameter { Value = identity.Status });
        p.Add(new NpgsqlParameter { Value = identity.TokenLifetimeSeconds });
        p.Add(new NpgsqlParameter { Value = identity.CredentialMaxAgeDays });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)identity.ExpiresAt?.ToUniversalTime() ?? DBNull.Value });
        p.Add(new NpgsqlParameter { Value = identity.CreatedAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { Value = identity.CreatedBy });
        p.Add(new NpgsqlParameter { Value = identity.UpdatedAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { Value = identity.UpdatedBy });
        p.Add(new NpgsqlParameter { Value = change.OccurredAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { Value = change.Change });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task UpsertCredentialAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string clientId, CredentialSnapshot credential, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO inventory.credentials AS t (credential_id, source, client_id, name, kind, hint, created_at, expires_at, revoked_at,
                last_rotated_at, last_used_at, issuer, subject)
            VALUES ($1, 'tokens', $2, $1, $3, $4, $5, $6, $7, $5, $8, $9, $10)
            ON CONFLICT (credential_id) DO UPDATE SET client_id = excluded.client_id, kind = excluded.kind, hint = excluded.hint,
                expires_at = excluded.expires_at, revoked_at = excluded.revoked_at, issuer = excluded.issuer, subject = excluded.subject,
                last_used_at = greatest(t.last_used_at, excluded.last_used_at)
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = credential.CredentialId });
        p.Add(new NpgsqlParameter { Value = clientId });
        p.Add(new NpgsqlParameter { Value = credential.Kind });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)credential.Hint ?? DBNull.Value });
        p.Add(new NpgsqlParameter { Value = credential.CreatedAt.ToUniversalTime() });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)credential.ExpiresAt?.ToUniversalTime() ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)credential.RevokedAt?.ToUniversalTime() ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)credential.LastUsedAt?.ToUniversalTime() ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)credential.Issuer ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)credential.Subject ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
