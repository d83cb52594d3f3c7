using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>
/// The usage ledger in <c>inventory.usage_events</c> (partitioned by UTC day). A batch is a binary COPY into a
/// temporary staging table, then one statement that inserts the new event ids and updates the read models.
/// </summary>
internal sealed class PostgresUsageLedger(NpgsqlDataSource dataSource) : IUsageLedger
{
    private readonly ConcurrentDictionary<DateOnly, bool> _partitions = new();

    public async Task<int> AppendAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await EnsurePartitionsAsync(events, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = 0;
        if (events.Count > 0)
        {
            await using (var create = new NpgsqlCommand(UsageLedgerSql.CreateStaging, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await UsageStagingWriter.WriteAsync(connection, events, cancellationToken);
            await using var merge = new NpgsqlCommand(UsageLedgerSql.Merge, connection, transaction);
            try
            {
                inserted = (int)(await merge.ExecuteScalarAsync(cancellationToken))!;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // No partition for a row: retention dropped one this replica thought present. Forget and retry.
                _partitions.Clear();
                throw;
            }
        }

        if (deadLetters.Count > 0)
        {
            await PostgresDeadLetters.InsertAsync(connection, transaction, deadLetters, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task EnsurePartitionAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT inventory.ensure_usage_partition($1)");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = day });
        await command.ExecuteNonQueryAsync(cancellationToken);
        _partitions[day] = true;
    }

    public void ForgetPartitions() => _partitions.Clear();

    private async Task EnsurePartitionsAsync(IReadOnlyList<UsageRecordedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var day in events.Select(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime)).Distinct())
        {
            if (!_partitions.ContainsKey(day))
            {
                await EnsurePartitionAsync(day, cancellationToken);
            }
        }
    }

    public Task<IReadOnlyList<UsageRecordedEvent>> QueryAsync(UsageQuery query, CancellationToken cancellationToken) =>
        PostgresUsageReader.QueryAsync(dataSource, query, cancellationToken);
}
