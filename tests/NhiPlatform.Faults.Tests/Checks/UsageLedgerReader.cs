using Npgsql;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Reads the inventory's usage ledger (<c>inventory.usage_events</c>, in the suite's own database) straight from
/// PostgreSQL: the test checks what was committed, not what an API chooses to show.
/// </summary>
internal static class UsageLedgerReader
{
    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT event_id, path, status FROM inventory.usage_events", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LedgerRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LedgerRow(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }
}
