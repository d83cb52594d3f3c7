using Npgsql;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>
/// Delivers the outbox in id order under a transaction-scoped advisory lock, so one replica at a time publishes and
/// the stream keeps commit order. A message is marked sent only after its delivery returned: at-least-once, and
/// consumers dedupe by event id.
/// </summary>
internal sealed class PostgresOutboxStore(NpgsqlDataSource dataSource) : IOutboxStore
{
    public async Task<int> DeliverAsync(int batchSize, Func<OutboxMessage, CancellationToken, Task> deliver, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('nhi-tokens:outbox'))", connection, transaction))
        {
            if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
            {
                return 0;
            }
        }

        var messages = new List<OutboxMessage>();
        await using (var select = new NpgsqlCommand("SELECT id, kind, payload FROM tokens.outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1", connection, transaction))
        {
            select.Parameters.AddWithValue(batchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var delivered = new List<long>();
        try
        {
            foreach (var message in messages)
            {
                await deliver(message, cancellationToken);
                delivered.Add(message.Id);
            }
        }
        finally
        {
            if (delivered.Count > 0)
            {
                await using var mark = new NpgsqlCommand("UPDATE tokens.outbox SET sent_at = $2 WHERE id = ANY ($1)", connection, transaction);
                mark.Parameters.AddWithValue(delivered.ToArray());
                mark.Parameters.AddWithValue(now);
                await mark.ExecuteNonQueryAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }

        return delivered.Count;
    }
}
