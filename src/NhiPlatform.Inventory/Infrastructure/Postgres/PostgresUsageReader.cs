using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Reads the usage ledger, newest first.</summary>
internal static class PostgresUsageReader
{
    public static async Task<IReadOnlyList<UsageRecordedEvent>> QueryAsync(NpgsqlDataSource dataSource, UsageQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {UsageLedgerSql.Columns} FROM inventory.usage_events
            WHERE ($1::text IS NULL OR client_id = $1)
              AND ($2::text IS NULL OR route_id = $2)
              AND ($3::text IS NULL OR path = $3)
              AND ($4::timestamptz IS NULL OR occurred_at >= $4)
              AND ($6::timestamptz IS NULL OR (occurred_at, event_id) < ($6, $7))
            ORDER BY occurred_at DESC, event_id DESC
            LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.ClientId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.RouteId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.Path ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.Since ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = query.Limit });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.After?.OccurredAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = (object?)query.After?.EventId ?? DBNull.Value });
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

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
