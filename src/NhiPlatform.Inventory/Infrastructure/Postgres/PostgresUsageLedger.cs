using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>The usage ledger in <c>inventory.usage_events</c>; a batch is one statement over arrays (<c>unnest</c>).</summary>
internal sealed class PostgresUsageLedger(NpgsqlDataSource dataSource) : IUsageLedger
{
    private const string Columns = """
        event_id, schema_version, occurred_at, client_id, token_id, scopes, unverified_issuer, unverified_subject,
        route_id, destination, method, path, status, latency_ms, source_address, user_agent, decision, reason
        """;

    public async Task<int> AppendAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        if (events.Count > 0)
        {
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO inventory.usage_events ({Columns})
                SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                ON CONFLICT (event_id) DO NOTHING
                """, connection, transaction);
            AddArray(insert, NpgsqlDbType.Uuid, events, e => e.EventId);
            AddArray(insert, NpgsqlDbType.Integer, events, e => e.SchemaVersion);
            AddArray(insert, NpgsqlDbType.TimestampTz, events, e => e.OccurredAt.ToUniversalTime());
            AddArray(insert, NpgsqlDbType.Text, events, e => e.ClientId);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.TokenId);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Scopes);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.UnverifiedIssuer);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.UnverifiedSubject);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.RouteId);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Destination);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Method);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Path);
            AddArray(insert, NpgsqlDbType.Integer, events, e => e.Status);
            AddArray(insert, NpgsqlDbType.Double, events, e => e.LatencyMs);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.SourceAddress);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.UserAgent);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Decision);
            AddArray(insert, NpgsqlDbType.Text, events, e => e.Reason);
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (deadLetters.Count > 0)
        {
            await using var insertDead = new NpgsqlCommand("""
                INSERT INTO inventory.dead_letters (stream, entry_id, reason, payload)
                SELECT * FROM unnest($1, $2, $3, $4) ON CONFLICT DO NOTHING
                """, connection, transaction);
            AddArray(insertDead, NpgsqlDbType.Text, deadLetters, d => d.Stream);
            AddArray(insertDead, NpgsqlDbType.Text, deadLetters, d => d.EntryId);
            AddArray(insertDead, NpgsqlDbType.Text, deadLetters, d => d.Reason);
            AddArray(insertDead, NpgsqlDbType.Text, deadLetters, d => d.Payload);
            await insertDead.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<IReadOnlyList<UsageRecordedEvent>> QueryAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM inventory.usage_events
            WHERE ($1::text IS NULL OR client_id = $1)
              AND ($2::text IS NULL OR route_id = $2)
              AND ($3::text IS NULL OR path = $3)
              AND ($4::timestamptz IS NULL OR occurred_at >= $4)
            ORDER BY occurred_at DESC
            LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.ClientId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.RouteId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.Path ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.Since ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = query.Limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<UsageRecordedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new UsageRecordedEvent
            {
                EventId = reader.GetGuid(0),
                SchemaVersion = reader.GetInt32(1),
                OccurredAt = reader.GetFieldValue<DateTimeOffset>(2),
                ClientId = NullableString(reader, 3),
                TokenId = NullableString(reader, 4),
                Scopes = NullableString(reader, 5),
                UnverifiedIssuer = NullableString(reader, 6),
                UnverifiedSubject = NullableString(reader, 7),
                RouteId = NullableString(reader, 8),
                Destination = NullableString(reader, 9),
                Method = reader.GetString(10),
                Path = reader.GetString(11),
                Status = reader.GetInt32(12),
                LatencyMs = reader.GetDouble(13),
                SourceAddress = NullableString(reader, 14),
                UserAgent = NullableString(reader, 15),
                Decision = reader.GetString(16),
                Reason = NullableString(reader, 17),
            });
        }

        return events;
    }

    private static void AddArray<TItem, TValue>(NpgsqlCommand command, NpgsqlDbType type, IReadOnlyList<TItem> items, Func<TItem, TValue> select) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = items.Select(select).ToArray() });

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
