using Npgsql;
using NpgsqlTypes;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>Appends one audit row inside the caller's transaction.</summary>
internal static class PostgresAudit
{
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuditEntry audit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO tokens.audit_log (occurred_at, actor, action, target, before, after, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, connection, transaction);
        command.Parameters.AddWithValue(audit.OccurredAt);
        command.Parameters.AddWithValue(audit.Actor);
        command.Parameters.AddWithValue(audit.Action);
        command.Parameters.AddWithValue(audit.Target);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)audit.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)audit.After ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)audit.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
