using System.Diagnostics;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Infrastructure.Postgres;
using NhiPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>Ingestion throughput vs a bare COPY of the same rows; lag at a steady rate.</summary>
internal static class IngestionBench
{
    /// <summary>
    /// Events already in the stream when the inventory starts; time until the service reports all of them stored
    /// (committed with their edges and roll-ups), bracketed by a bare COPY of the same rows before and after.
    /// </summary>
    public static async Task<ThroughputRound> ThroughputAsync(LocalServersFixture servers, int count)
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

        var cpu = CpuClock.Seconds(servers);
        var copyBefore = await BareCopyAsync(environment.PostgresConnectionString, events,
            PlainTable("public.bare_before"), "public.bare_before");
        var copyCpu = CpuClock.Seconds(servers) - cpu;
        using var probe = new IngestionProbe();
        await using var host = BenchHost.StartInventory(environment);
        // Measured once the first fifth of the backlog is stored: the host's start (migrations, the other background
        // services' first runs) and the JIT compiling the pipeline twice (tiered) are not the steady state of a
        // long-running consumer; measured from the start, a 200,000-event run spends a quarter of the process's CPU
        // in the JIT (perf). The bare COPY is a loop of a few methods, compiled within its first chunk.
        await probe.WaitForStoredAsync(count / 5, TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        cpu = CpuClock.Seconds(servers);
        var split = CpuClock.Split(servers);
        var first = probe.Stored;
        await probe.WaitForStoredAsync(count, TimeSpan.FromMinutes(10));
        var ingest = (count - first) / clock.Elapsed.TotalSeconds;
        var ingestCpu = (CpuClock.Seconds(servers) - cpu) * count / (count - first);
        var end = CpuClock.Split(servers);
        Console.WriteLine(FormattableString.Invariant(
            $"  ingestion CPU: process {end.Process - split.Process:N2} s, PostgreSQL {end.Postgres - split.Postgres:N2} s, Redis {end.Redis - split.Redis:N2} s"));
        var stages = probe.Stages;
        var stored = await BenchHost.ScalarAsync(environment.PostgresConnectionString, "SELECT count(*) FROM inventory.usage_events");
        if (stored != count)
        {
            throw new InvalidOperationException($"the service reported {count} events stored but the ledger holds {stored}");
        }

        cpu = CpuClock.Seconds(servers);
        var copyAfter = await BareCopyAsync(environment.PostgresConnectionString, events,
            PlainTable("public.bare_after"), "public.bare_after");
        copyCpu += CpuClock.Seconds(servers) - cpu;
        var ledgerCopy = await BareCopyAsync(environment.PostgresConnectionString, events,
            "CREATE TABLE public.ledger_copy (LIKE inventory.usage_events INCLUDING ALL) PARTITION BY RANGE (occurred_at); " +
            "CREATE TABLE public.ledger_copy_all PARTITION OF public.ledger_copy DEFAULT", "public.ledger_copy");
        return new ThroughputRound(ingest, copyBefore, copyAfter, ledgerCopy, stages, 1e6 * ingestCpu / count, 1e6 * copyCpu / (2.0 * count));
    }

    /// <summary>The ledger's columns and nothing else: no key, no index, not partitioned (before the service created its schema).</summary>
    private static string PlainTable(string name) => $"""
        CREATE TABLE {name} (event_id uuid, schema_version integer, occurred_at timestamptz, client_id text, token_id text, scopes text,
            unverified_issuer text, unverified_subject text, route_id text, destination text, method text, path text, status integer,
            latency_ms double precision, source_address text, user_agent text, decision text, reason text, ingested_at timestamptz DEFAULT now())
        """;

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
            await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({UsageLedgerSql.Columns}) FROM STDIN (FORMAT BINARY)");
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
        using var probe = new IngestionProbe();
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

        await probe.WaitForStoredAsync(sent, TimeSpan.FromMinutes(2));
        var lags = probe.Lags;
        return (BenchHost.Percentile(lags, 0.50), BenchHost.Percentile(lags, 0.99), lags.Max(), lags.Count);
    }
}
