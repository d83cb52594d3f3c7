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
/// repeats inside the batch, binary COPY the rest straight into the ledger, apply their read-model deltas (one upsert
/// per read model), store the dead letters, commit.
/// </summary>
/// <remarks>
/// Optimistic: replays are rare, so the COPY goes first without asking which ids are stored (that lookup cost about as
/// much as the COPY). If the primary key rejects it (some ids are stored: a replay, or a consumer storing the same
/// entries at the same time), the transaction is rolled back, nothing of it counted, and the batch is redone the
/// careful way: look up the stored ids, COPY only the others. The outcome is the same either way.
/// </remarks>
internal sealed class PostgresUsageLedger(NpgsqlDataSource dataSource, IngestionMetrics metrics, TimeProvider timeProvider) : IUsageLedger
{
    /// <summary>
    /// Attempts with the lookup, after the optimistic one, when another consumer committed some of the same events first
    /// (only when replays overlap). Each lost attempt means an overlapping batch committed, so a few suffice; past them
    /// the service retries from pending.
    /// </summary>
    private const int Attempts = 5;

    private readonly ConcurrentDictionary<DateOnly, bool> _partitions = new();

    public async Task<int> AppendAsync(
        IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        await EnsurePartitionsAsync(events, cancellationToken);
        var unique = UsageLedgerExisting.Unique(events);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(unique, deadLetters, lookUpStored: attempt > 0, cancellationToken);
            }
            catch (PostgresException exception) when (attempt < Attempts && exception.SqlState is PostgresErrorCodes.UniqueViolation
                                                          or PostgresErrorCodes.DeadlockDetected)
            {
                // First attempt: some ids are stored already (a replay) or by an overlapping batch; redo it looking them up.
                // Later ones: a concurrent consumer stored some between our lookup and our COPY: look again.
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // No partition for a row: retention dropped one this replica thought present. Forget and retry.
                _partitions.Clear();
                throw;
            }
        }
    }

    /// <summary>One transaction; disposed uncommitted (rolled back) when anything in it fails.</summary>
    private async Task<int> AppendOnceAsync(
        List<UsageRecordedEvent> unique, IReadOnlyList<DeadLetter> deadLetters, bool lookUpStored, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var started = timeProvider.GetTimestamp();
        var fresh = unique;
        if (lookUpStored)
        {
            fresh = await UsageLedgerExisting.NewEventsAsync(connection, transaction, unique, cancellationToken);
            started = Lap(IngestionStages.Existing, started);
        }

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
