using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Inventory.Domain;
using static NhiPlatform.Inventory.Infrastructure.Postgres.PostgresRows;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Findings in <c>inventory.findings</c>, one row per (rule, subject).</summary>
internal sealed class PostgresFindingStore(NpgsqlDataSource dataSource) : IFindingStore
{
    private const string FindingColumns = """
        id, rule, subject, client_id, severity, title, evidence::text, first_detected, last_detected, status, status_by, status_reason, status_at
        """;

    public async Task<IReadOnlyList<Finding>> RecordEvaluationAsync(
        IReadOnlyList<DetectedFinding> detected, IReadOnlyCollection<string> rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('nhi-inventory-findings'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        // xmax = 0 marks a fresh insert; a reopened one had status resolved before this statement.
        await using var upsert = new NpgsqlCommand($"""
            WITH d AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
                       AS d(rule, subject, client_id, severity, title, evidence)),
            prior AS (SELECT f.id, f.status FROM inventory.findings f JOIN d USING (rule, subject))
            INSERT INTO inventory.findings AS f (rule, subject, client_id, severity, title, evidence, first_detected, last_detected, status)
            SELECT rule, subject, client_id, severity, title, evidence, $7, $7, 'open' FROM d
            ON CONFLICT (rule, subject) DO UPDATE SET client_id = excluded.client_id, severity = excluded.severity, title = excluded.title,
                evidence = excluded.evidence, last_detected = excluded.last_detected,
                first_detected = CASE WHEN f.status = 'resolved' THEN excluded.first_detected ELSE f.first_detected END,
                status = CASE WHEN f.status = 'resolved' THEN 'open' ELSE f.status END,
                status_by = CASE WHEN f.status = 'resolved' THEN NULL ELSE f.status_by END,
                status_reason = CASE WHEN f.status = 'resolved' THEN NULL ELSE f.status_reason END,
                status_at = CASE WHEN f.status = 'resolved' THEN NULL ELSE f.status_at END
            RETURNING {FindingColumns}, (xmax = 0 OR (SELECT p.status FROM prior p WHERE p.id = f.id) = 'resolved')
            """, connection, transaction);
        upsert.Parameters.Add(Array(detected.Select(d => d.Rule)));
        upsert.Parameters.Add(Array(detected.Select(d => d.Subject)));
        upsert.Parameters.Add(Array(detected.Select(d => d.ClientId)));
        upsert.Parameters.Add(Array(detected.Select(d => d.Severity)));
        upsert.Parameters.Add(Array(detected.Select(d => d.Title)));
        upsert.Parameters.Add(Array(detected.Select(d => JsonSerializer.Serialize(d.Evidence, InventoryJsonContext.Default.IReadOnlyDictionaryStringString))));
        upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.ToUniversalTime() });
        var fresh = new List<Finding>();
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(13))
                {
                    fresh.Add(Read(reader));
                }
            }
        }

        // Open or acknowledged findings of the evaluated rules that this evaluation no longer saw are resolved.
        await using var resolve = new NpgsqlCommand("""
            UPDATE inventory.findings SET status = 'resolved', status_by = 'system', status_reason = 'no longer detected', status_at = $3
            WHERE status <> 'resolved' AND rule = ANY($1) AND last_detected < $2
            """, connection, transaction);
        resolve.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = rules.ToArray() });
        resolve.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.ToUniversalTime() });
        resolve.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.ToUniversalTime() });
        await resolve.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fresh;
    }

    public async Task<IReadOnlyList<Finding>> ListAsync(FindingFilter filter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {FindingColumns} FROM inventory.findings
            WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR severity = $2) AND ($3::text IS NULL OR rule = $3)
              AND ($4::text IS NULL OR client_id = $4)
              AND ($6::int IS NULL OR (CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END, id) < ($6, $7::bigint))
            ORDER BY CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END DESC, id DESC
            LIMIT $5
            """);
        command.Parameters.Add(Nullable(filter.Status, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(filter.Severity, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(filter.Rule, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(filter.ClientId, NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = filter.Limit });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)filter.After?.SeverityRank ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)filter.After?.Id ?? DBNull.Value });
        return await ReadAllAsync(command, Read, cancellationToken);
    }

    public async Task<Finding?> SetStatusAsync(long id, string status, string by, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE inventory.findings SET status = $2, status_by = $3, status_reason = $4, status_at = $5 WHERE id = $1
            RETURNING {FindingColumns}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = by });
        command.Parameters.Add(new NpgsqlParameter { Value = reason });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        return (await ReadAllAsync(command, Read, cancellationToken)).SingleOrDefault();
    }

    private static NpgsqlParameter Array(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };

    private static Finding Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Rule = r.GetString(1),
        Subject = r.GetString(2),
        ClientId = r.IsDBNull(3) ? null : r.GetString(3),
        Severity = r.GetString(4),
        Title = r.GetString(5),
        Evidence = JsonSerializer.Deserialize(r.GetString(6), InventoryJsonContext.Default.DictionaryStringString) ?? [],
        FirstDetected = r.GetFieldValue<DateTimeOffset>(7),
        LastDetected = r.GetFieldValue<DateTimeOffset>(8),
        Status = r.GetString(9),
        StatusBy = r.IsDBNull(10) ? null : r.GetString(10),
        StatusReason = r.IsDBNull(11) ? null : r.GetString(11),
        StatusAt = r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12),
    };
}
