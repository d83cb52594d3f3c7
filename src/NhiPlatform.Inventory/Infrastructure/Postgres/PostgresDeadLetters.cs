using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Dead letters go in the same transaction as the batch they came with.</summary>
internal static class PostgresDeadLetters
{
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO inventory.dead_letters (stream, entry_id, reason, payload)
            SELECT * FROM unnest($1, $2, $3, $4) ON CONFLICT DO NOTHING
            """, connection, transaction);
        Add(insert, deadLetters.Select(d => d.Stream));
        Add(insert, deadLetters.Select(d => d.EntryId));
        Add(insert, deadLetters.Select(d => d.Reason));
        Add(insert, deadLetters.Select(d => d.Payload));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlCommand command, IEnumerable<string> values) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() });
}
