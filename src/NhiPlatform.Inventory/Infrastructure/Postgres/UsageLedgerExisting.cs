using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>
/// Which events of a batch to store: one of each (event id, instant) pair (<see cref="Unique"/>, in memory), minus the
/// pairs the ledger already holds (<see cref="NewEventsAsync"/>, a query). Instants compare at PostgreSQL's precision
/// (microseconds), as the primary key sees them.
/// </summary>
internal static class UsageLedgerExisting
{
    public static List<UsageRecordedEvent> Unique(IReadOnlyList<UsageRecordedEvent> events)
    {
        var unique = new List<UsageRecordedEvent>(events.Count);
        var seen = new HashSet<(Guid, long)>(events.Count);
        foreach (var usage in events)
        {
            if (seen.Add(Key(usage.EventId, usage.OccurredAt.UtcDateTime)))
            {
                unique.Add(usage);
            }
        }

        return unique;
    }

    /// <summary>The events of <paramref name="unique"/> (already free of repeats) whose pair the ledger does not hold.</summary>
    public static async Task<List<UsageRecordedEvent>> NewEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<UsageRecordedEvent> unique, CancellationToken cancellationToken)
    {
        if (unique.Count == 0)
        {
            return unique;
        }

        await using var command = new NpgsqlCommand(UsageLedgerSql.Existing, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = unique.Select(e => e.EventId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = unique.Min(e => e.OccurredAt).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = unique.Max(e => e.OccurredAt).UtcDateTime });
        var stored = new HashSet<(Guid, long)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(Key(reader.GetGuid(0), reader.GetFieldValue<DateTime>(1)));
            }
        }

        return stored.Count == 0 ? unique : [.. unique.Where(e => !stored.Contains(Key(e.EventId, e.OccurredAt.UtcDateTime)))];
    }

    private static (Guid, long) Key(Guid eventId, DateTime utc) => (eventId, utc.Ticks / TimeSpan.TicksPerMicrosecond);
}
