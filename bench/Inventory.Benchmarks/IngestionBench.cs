using System.Diagnostics;
using NhiPlatform.Contracts.Events;
using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Inventory.Extensions;
using NhiPlatform.Inventory.Infrastructure.Postgres;
using NhiPlatform.SchemaMigrations;
using NhiPlatform.Testing;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>Ingestion throughput vs bare COPYs of the same rows; lag at a steady rate.</summary>
internal static class IngestionBench
{
    /// <summary>
    /// Events already in the stream when the inventory starts; time until the service reports all of them stored
    /// (committed with their edges and roll-ups), bracketed by bare COPYs of the same rows before and after: into a
    /// table defined like the ledger (its columns, key, indexes and partitioning: the write ingestion must make) and
    /// into a plain table (no key, no index).
    /// </summary>
    public static async Task<ThroughputRound> ThroughputAsync(LocalServersFixture servers, int count)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var events = Enumerable.Range(0, count).Select(i => BenchHost.Event(i, start.AddMilliseconds(i))).ToList();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString + ",allowAdmin=true"))
        {
            foreach (var chunk in events.Chunk(5_000))
            {
                await BenchHost.PublishAsync(redis.GetDatabase(), chunk);
            }

            // The backlog grows Redis's append-only file enough for Redis to rewrite it (a fork and a child writing the
            // whole dataset): a baseline measured meanwhile would share the cores with that child.
            await WaitForAppendOnlyRewriteAsync(redis);
        }

        // The service's own migrations, applied before it starts, give the ledger's definition to copy for the baseline.
        await MigrateAsync(environment.PostgresConnectionString);
        // The publishing's garbage collected now, not by a background collection during the first measured COPY.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        // The ingestion is measured warm (below), so are its baselines: a first COPY compiles the bench's loop.
        await BareCopyAsync(environment.PostgresConnectionString, events.Take(WarmUpRows).ToList(), LedgerTable("public.warm_up"), "public.warm_up");
        var plainBefore = await MeasureCopyAsync(servers, environment.PostgresConnectionString, events, PlainTable("public.plain_before"), "public.plain_before");
        var ledgerBefore = await MeasureCopyAsync(servers, environment.PostgresConnectionString, events, LedgerTable("public.ledger_before"), "public.ledger_before");
        using var probe = new IngestionProbe();
        await using var host = BenchHost.StartInventory(environment);
        // Measured once the first fifth of the backlog is stored: the host's start (the other background services'
        // first runs) and the JIT compiling the pipeline twice (tiered) are not the steady state of a long-running
        // consumer; measured from the start, a 200,000-event run spends a quarter of the process's CPU in the JIT (perf).
        await probe.WaitForStoredAsync(count / 5, TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        var cpu = CpuClock.Seconds(servers);
        var split = CpuClock.Split(servers);
        var first = probe.Stored;
        await probe.WaitForStoredAsync(count, TimeSpan.FromMinutes(10));
        var ingest = (count - first) / clock.Elapsed.TotalSeconds;
        var ingestCpu = (CpuClock.Seconds(servers) - cpu) / (count - first);
        var end = CpuClock.Split(servers);
        Console.WriteLine(FormattableString.Invariant(
            $"  ingestion CPU: process {end.Process - split.Process:N2} s, PostgreSQL {end.Postgres - split.Postgres:N2} s, Redis {end.Redis - split.Redis:N2} s"));
        var stages = probe.Stages;
        var stored = await BenchHost.ScalarAsync(environment.PostgresConnectionString, "SELECT count(*) FROM inventory.usage_events");
        if (stored != count)
        {
            throw new InvalidOperationException($"the service reported {count} events stored but the ledger holds {stored}");
        }

        var plainAfter = await MeasureCopyAsync(servers, environment.PostgresConnectionString, events, PlainTable("public.plain_after"), "public.plain_after");
        var ledgerAfter = await MeasureCopyAsync(servers, environment.PostgresConnectionString, events, LedgerTable("public.ledger_after"), "public.ledger_after");
        return new ThroughputRound(ingest,
            new CopyBaseline(ledgerBefore.PerSecond, ledgerAfter.PerSecond, 1e6 * (ledgerBefore.CpuSeconds + ledgerAfter.CpuSeconds) / (2.0 * count)),
            new CopyBaseline(plainBefore.PerSecond, plainAfter.PerSecond, 1e6 * (plainBefore.CpuSeconds + plainAfter.CpuSeconds) / (2.0 * count)),
            stages, 1e6 * ingestCpu);
    }

    private const int WarmUpRows = 20_000;

    private static async Task WaitForAppendOnlyRewriteAsync(ConnectionMultiplexer redis)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        // A rewrite may be scheduled a moment after the writes that call for it: look twice, a second apart.
        for (var quiet = 0; quiet < 2 && DateTime.UtcNow < deadline;)
        {
            var persistence = (await server.InfoAsync("persistence")).SelectMany(group => group).ToDictionary(p => p.Key, p => p.Value);
            var rewriting = persistence.GetValueOrDefault("aof_rewrite_in_progress") == "1" || persistence.GetValueOrDefault("aof_rewrite_scheduled") == "1";
            quiet = rewriting ? 0 : quiet + 1;
            await Task.Delay(TimeSpan.FromSeconds(rewriting ? 0.2 : 1));
        }
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(InventoryServiceCollectionExtensions.Schema,
            EmbeddedMigrationSource.Load(typeof(InventoryServiceCollectionExtensions).Assembly), CancellationToken.None);
    }

    /// <summary>The ledger's definition (columns, primary key, indexes), one partition for the round's rows.</summary>
    private static string LedgerTable(string name) =>
        $"CREATE TABLE {name} (LIKE inventory.usage_events INCLUDING ALL) PARTITION BY RANGE (occurred_at); " +
        $"CREATE TABLE {name}_rows PARTITION OF {name} DEFAULT";

    /// <summary>The ledger's columns and nothing else: no key, no index, not partitioned.</summary>
    private static string PlainTable(string name) => $"""
        CREATE TABLE {name} (event_id uuid, schema_version integer, occurred_at timestamptz, client_id text, token_id text, scopes text,
            unverified_issuer text, unverified_subject text, route_id text, destination text, method text, path text, status integer,
            latency_ms double precision, source_address text, user_agent text, decision text, reason text, ingested_at timestamptz DEFAULT now())
        """;

    private static async Task<(double PerSecond, double CpuSeconds)> MeasureCopyAsync(
        LocalServersFixture servers, string connectionString, IReadOnlyList<UsageRecordedEvent> events, string createSql, string table)
    {
        var cpu = CpuClock.Seconds(servers);
        var perSecond = await BareCopyAsync(connectionString, events, createSql, table);
        return (perSecond, CpuClock.Seconds(servers) - cpu);
    }

    /// <summary>The same rows, binary COPY in chunks of 500 rows (each its own COPY), nothing else.</summary>
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
