using System.Globalization;
using Npgsql;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Infrastructure.Postgres;

/// <summary>Creates tomorrow's partition before it is needed and drops whole days past retention.</summary>
internal sealed class PostgresLedgerMaintenance(NpgsqlDataSource dataSource, PostgresUsageLedger ledger) : ILedgerMaintenance
{
    public Task EnsurePartitionAsync(DateOnly day, CancellationToken cancellationToken) => ledger.EnsurePartitionAsync(day, cancellationToken);

    public async Task<int> ApplyRetentionAsync(DateOnly ledgerCutoff, DateOnly rollupCutoff, DateTimeOffset hourlyCutoff, CancellationToken cancellationToken)
    {
        var cutoffName = "usage_events_" + ledgerCutoff.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        await using var list = dataSource.CreateCommand("""
            SELECT c.relname FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
            WHERE n.nspname = 'inventory' AND p.relname = 'usage_events' AND c.relname ~ '^usage_events_[0-9]{8}$' AND c.relname < $1
            """);
        list.Parameters.Add(new NpgsqlParameter { Value = cutoffName });
        var partitions = await PostgresRows.ReadAllAsync(list, r => r.GetString(0), cancellationToken);
        foreach (var partition in partitions)
        {
            await using var drop = dataSource.CreateCommand($"DROP TABLE IF EXISTS inventory.\"{partition}\"");
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        ledger.ForgetPartitions();
        await using var rollups = dataSource.CreateCommand("DELETE FROM inventory.usage_daily WHERE day < $1");
        rollups.Parameters.Add(new NpgsqlParameter { Value = rollupCutoff });
        await rollups.ExecuteNonQueryAsync(cancellationToken);
        await using var hourly = dataSource.CreateCommand("DELETE FROM inventory.usage_hourly WHERE hour < $1");
        hourly.Parameters.Add(new NpgsqlParameter { Value = hourlyCutoff.ToUniversalTime() });
        await hourly.ExecuteNonQueryAsync(cancellationToken);
        return partitions.Count;
    }
}
