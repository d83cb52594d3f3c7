using Npgsql;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Reads the inventory's usage ledger (<c>inventory.usage_events</c>) straight from PostgreSQL, as the AppHost's
/// connection string allows: the test checks what was committed, not what an API chooses to show.
/// </summary>
internal static class UsageLedgerReader
{
    /// <summary>The rows of requests made at or after <paramref name="since"/> (the samples' seeding at start-up came before).</summary>
    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(string connectionString, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT event_id, path, status FROM inventory.usage_events WHERE occurred_at >= $1", connection)
        {
            Parameters = { new() { Value = since.UtcDateTime } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LedgerRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }
}
