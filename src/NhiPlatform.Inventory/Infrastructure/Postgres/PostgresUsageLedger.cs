using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>
/// The usage ledger in <c>inventory.usage_events</c> (partitioned by UTC day). A batch, in one transaction: drop the
/// events already stored (and repeats inside the batch), binary COPY the rest straight into the ledger, apply their
/// read-model deltas (one upsert per read model), store the dead letters, commit.
/// </summary>
internal sealed class PostgresUsageLedger(NpgsqlDataSource dataSource, IngestionMetrics metrics, TimeProvider timeProvider) : IUsageLedger
{
    /// <summary>
    /// Attempts when another consumer committed some of the same events first (only when replays overlap). Each lost
    /// attempt means an overlapping batch committed, so a few suffice; past them the service retries from pending.
    /// </summary>
    private const int Attempts = 5;

    private readonly ConcurrentDictionary<DateOnly, bool> _partitions = new();

    public async Task<int> AppendAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await EnsurePartitionsAsync(events, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(events, deadLetters, cancellationToken);
            }
            catch (PostgresException exception) when (attempt < Attempts && exception.SqlState is PostgresErrorCodes.UniqueViolation
                                                          or PostgresErrorCodes.DeadlockDetected)
            {
                // A concurrent consumer stored some of these ids between our check and our COPY: check again.
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // No partition for a row: retention dropped one this replica thought present. Forget and retry.
                _partitions.Clear();
                throw;
            }
        }
    }

    private async Task<int> AppendOnceAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var started = timeProvider.GetTimestamp();
        var fresh = events.Count == 0 ? [] : await UsageLedgerExisting.NewEventsAsync(connection, transaction, events, cancellationToken);
        started = Lap(IngestionStages.Existing, started);
        if (fresh.Count > 0)
        {
            await UsageLedgerCopy.WriteAsync(connection, fresh, cancellationToken);
            started = Lap(IngestionStages.Copy, started);
            await UsageReadModelWriter.WriteAsync(connection, transaction, UsageReadModelDeltas.From(fresh), cancellationToken);
            started = Lap(IngestionStages.ReadModels, started);
        }

        if (deadLetters.Count > 0)
        {
            await PostgresDeadLetters.InsertAsync(connection, transaction, deadLetters, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Lap(IngestionStages.Commit, started);
        return fresh.Count;
    }

    private long Lap(string stage, long started)
    {
        var now = timeProvider.GetTimestamp();
        metrics.RecordStage(NhiStreams.Usage, stage, timeProvider.GetElapsedTime(started, now));
        return now;
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
