using System.Globalization;
using NhiPlatform.Inventory.Benchmarks;
using NhiPlatform.Testing;

// WebApplicationFactory finds the content roots through the manifest beside this assembly.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var lagSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var ledgerRows = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 10_000_000;
BenchHost.BatchSize = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
var servers = new LocalServersFixture();
await servers.InitializeAsync();
try
{
    var report = new List<string> { $"# Inventory benchmark ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, shared machine)", "" };
    var (ingest, copy, ledgerCopy) = await IngestionBench.ThroughputAsync(servers, events);
    report.Add(FormattableString.Invariant($"## Ingestion vs bare COPY ({events:N0} events already in the stream)"));
    report.Add(FormattableString.Invariant($"- ingestion (stream → staging COPY → insert-if-absent + edges, callers, sources, roll-ups → ack): {ingest:N0} events/s"));
    report.Add(FormattableString.Invariant($"- bare binary COPY of the same rows into a plain table: {copy:N0} rows/s"));
    report.Add(FormattableString.Invariant($"- bare binary COPY of the same rows into a table shaped like the ledger (same indexes, partitioned): {ledgerCopy:N0} rows/s"));
    report.Add(FormattableString.Invariant($"- ratio: {100 * ingest / copy:N0} % of the plain-table COPY, {100 * ingest / ledgerCopy:N0} % of the ledger-shaped COPY (aim ≥ 50 %); batch size {BenchHost.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "default"}"));
    Console.WriteLine(string.Join('\n', report));

    if (lagSeconds == 0 && ledgerRows == 0)
    {
        return;
    }

    var (p50, p99, max, samples) = await IngestionBench.LagAsync(servers, rate, lagSeconds);
    report.Add("");
    report.Add(FormattableString.Invariant($"## Lag at {rate:N0} events/s for {lagSeconds} s ({samples:N0} events)"));
    report.Add(FormattableString.Invariant($"- arrival in Redis → commit: p50 {p50 * 1000:N0} ms, p99 {p99 * 1000:N0} ms, max {max * 1000:N0} ms (aim p99 < 1 s)"));
    Console.WriteLine(string.Join('\n', report.TakeLast(3)));

    var queries = await QueryBench.RunAsync(servers, ledgerRows, 500);
    report.Add("");
    report.Add(FormattableString.Invariant($"## Queries on {ledgerRows:N0} generated ledger rows (30 daily partitions; 500 runs each, through the service's readers)"));
    report.AddRange(queries.Select(q => FormattableString.Invariant($"- {q.Query}: p50 {q.P50:N1} ms, p99 {q.P99:N1} ms (aim p99 < 50 ms)")));
    var path = Path.Combine(RepositoryLayout.Root, "bench", "results", "inventory.md");
    await File.WriteAllTextAsync(path, string.Join('\n', report) + "\n");
    Console.WriteLine(string.Join('\n', report));
    Console.WriteLine($"written to {path}");
}
finally
{
    await servers.DisposeAsync();
}
