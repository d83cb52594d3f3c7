using System.Diagnostics;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Testing;
using Npgsql;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>Query latency on a ledger of generated rows spread over 30 daily partitions, through the service's own readers.</summary>
internal static class QueryBench
{
    public static async Task<IReadOnlyList<(string Query, double P50, double P99)>> RunAsync(LocalServersFixture servers, long rows, int iterations)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        await using var host = BenchHost.StartInventory(environment);
        await GenerateAsync(environment.PostgresConnectionString, rows);
        var reader = (IInventoryReader)host.Services.GetService(typeof(IInventoryReader))!;
        var ledger = (IUsageLedger)host.Services.GetService(typeof(IUsageLedger))!;
        var random = new Random(6);
        var queries = new (string Name, Func<Task> Run)[]
        {
            ("owner of a token (jti lookup over all partitions)", () => reader.FindTokenUsageAsync($"jti-{random.NextInt64(rows / 50)}", CancellationToken.None)),
            ("last 100 calls of an identity", () => ledger.QueryAsync(new UsageQuery { ClientId = $"client-{random.Next(2000)}", Limit = 100 }, CancellationToken.None)),
            ("who calls a service (edges)", () => reader.GetEdgesAsync(null, null, $"service-{random.Next(10)}", CancellationToken.None)),
            ("identity's routes (edges)", () => reader.GetEdgesAsync($"client-{random.Next(2000)}", null, null, CancellationToken.None)),
        };
        var results = new List<(string, double, double)>();
        foreach (var (name, run) in queries)
        {
            for (var i = 0; i < 20; i++)
            {
                await run();
            }

            var samples = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            results.Add((name, BenchHost.Percentile(samples, 0.5), BenchHost.Percentile(samples, 0.99)));
        }

        return results;
    }

    /// <summary>Rows straight into the ledger with SQL (the generator), edges rebuilt from them, then ANALYZE.</summary>
    private static async Task GenerateAsync(string connectionString, long rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = $$"""
            SELECT inventory.ensure_usage_partition((now() AT TIME ZONE 'UTC')::date - d) FROM generate_series(0, 30) d;
            INSERT INTO inventory.usage_events (event_id, schema_version, occurred_at, client_id, token_id, scopes, route_id, destination, method, path,
                status, latency_ms, source_address, decision)
            SELECT gen_random_uuid(), 1, now() - (i % 2592000) * interval '1 second', 'client-' || (i % 2000), 'jti-' || (i / 50), 'echo.read',
                   'route-' || (i % 40), 'service-' || (i % 10), 'GET', '/svc/service-' || (i % 10) || '/items', 200, 3.5, '10.0.0.' || (i % 200),
                   CASE WHEN i % 50 = 0 THEN 'denied' ELSE 'allowed' END
            FROM generate_series(1, {{rows}}) i;
            INSERT INTO inventory.edges (caller, caller_kind, route_id, service, first_seen, last_seen, calls, denials, scopes)
            SELECT client_id, 'identity', route_id, destination, min(occurred_at), max(occurred_at), count(*), count(*) FILTER (WHERE decision = 'denied'), '{echo.read}'
            FROM inventory.usage_events GROUP BY client_id, route_id, destination;
            ANALYZE inventory.usage_events; ANALYZE inventory.edges;
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
