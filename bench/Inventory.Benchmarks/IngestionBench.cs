using System.Diagnostics;
using System.Diagnostics.Metrics;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Infrastructure.Postgres;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>Ingestion throughput vs a bare COPY of the same rows; lag at a steady rate.</summary>
internal static class IngestionBench
{
    /// <summary>Events already in the stream when the inventory starts; time until all are stored (with edges and roll-ups).</summary>
    public static async Task<(double IngestPerSecond, double CopyPerSecond, double LedgerCopyPerSecond)> ThroughputAsync(LocalServersFixture servers, int count)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var events = Enumerable.Range(0, count).Select(i => BenchHost.Event(i, start.AddMilliseconds(i))).ToList();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString))
        {
            foreach (var chunk in events.Chunk(5_000))
            {
                await BenchHost.PublishAsync(redis.GetDatabase(), chunk);
            }
        }

        await using var host = BenchHost.StartInventory(environment);
        var clock = Stopwatch.StartNew();
        while (await BenchHost.ScalarAsync(environment.PostgresConnectionString, "SELECT count(*) FROM inventory.usage_events") < count)
        {
            await Task.Delay(20);
        }

        var ingest = count / clock.Elapsed.TotalSeconds;
        var copy = await BareCopyAsync(environment.PostgresConnectionString, events,
            "CREATE TABLE public.bare_copy AS SELECT * FROM inventory.usage_events WITH NO DATA", "public.bare_copy");
        var ledgerCopy = await BareCopyAsync(environment.PostgresConnectionString, events,
            "CREATE TABLE public.ledger_copy (LIKE inventory.usage_events INCLUDING ALL) PARTITION BY RANGE (occurred_at); " +
            "CREATE TABLE public.ledger_copy_all PARTITION OF public.ledger_copy DEFAULT", "public.ledger_copy");
        return (ingest, copy, ledgerCopy);
    }

    /// <summary>The same rows, binary COPY into a plain table with the ledger's columns and nothing else.</summary>
    private static async Task<double> BareCopyAsync(string connectionString, IReadOnlyList<UsageRecordedEvent> events, string createSql, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(createSql, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(500))
        {
            await using var importer = await connection.BeginBinaryImportAsync(UsageLedgerSql.CopyStaging.Replace("usage_staging", table, StringComparison.Ordinal));
            foreach (var e in chunk)
            {
                await importer.WriteRowAsync(default, e.EventId, e.SchemaVersion, e.OccurredAt.ToUniversalTime(), e.ClientId, e.TokenId, e.Scopes,
                    e.UnverifiedIssuer, e.UnverifiedSubject, e.RouteId, e.Destination, e.Method, e.Path, e.Status, e.LatencyMs, e.SourceAddress,
                    e.UserAgent, e.Decision, e.Reason);
            }

            await importer.CompleteAsync();
        }

        return events.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A steady rate for a while; the lag of each entry (arrival in Redis to commit) from the service's own histogram.</summary>
    public static async Task<(double P50, double P99, double Max, long Samples)> LagAsync(LocalServersFixture servers, int rate, int seconds)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var lags = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Name == "nhi.inventory.ingestion.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (lags) { lags.Add(value); } });
        listener.Start();
        await using var host = BenchHost.StartInventory(environment);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
        var database = redis.GetDatabase();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate) - sent;
            if (due > 0)
            {
                var now = DateTimeOffset.UtcNow;
                await BenchHost.PublishAsync(database, [.. Enumerable.Range(sent, due).Select(i => BenchHost.Event(i, now))]);
                sent += due;
            }

            await Task.Delay(10);
        }

        while (await BenchHost.ScalarAsync(environment.PostgresConnectionString, "SELECT count(*) FROM inventory.usage_events") < sent)
        {
            await Task.Delay(50);
        }

        await Task.Delay(200);
        lock (lags)
        {
            return (BenchHost.Percentile(lags, 0.50), BenchHost.Percentile(lags, 0.99), lags.Max(), lags.Count);
        }
    }
}
