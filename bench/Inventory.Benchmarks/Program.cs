using System.Globalization;
using NhiPlatform.Inventory.Benchmarks;
using NhiPlatform.Testing;

// WebApplicationFactory finds the content roots through the manifest beside this assembly.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
var lagSeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var ledgerRows = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 10_000_000;
BenchHost.BatchSize = args.Length > 4 && args[4] != "default" ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
var rounds = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 3;
BenchHost.UsageConsumers = args.Length > 6 && args[6] != "default" ? int.Parse(args[6], CultureInfo.InvariantCulture) : null;
BenchHost.EventsPerEntry = args.Length > 7 && args[7] != "default" ? int.Parse(args[7], CultureInfo.InvariantCulture) : BenchHost.EventsPerEntry;
var servers = new LocalServersFixture();
await servers.InitializeAsync();
try
{
    var report = new BenchReport(events, rounds);
    for (var round = 0; round < rounds; round++)
    {
        report.Rounds.Add(await IngestionBench.ThroughputAsync(servers, events));
        Console.WriteLine(report.RoundLine(report.Rounds[^1]));
    }

    Console.WriteLine(string.Join('\n', report.Markdown()));
    if (lagSeconds > 0)
    {
        report.Lag = (rate, lagSeconds, await IngestionBench.LagAsync(servers, rate, lagSeconds));
    }

    if (ledgerRows > 0)
    {
        report.Queries = (ledgerRows, await QueryBench.RunAsync(servers, ledgerRows, 500));
    }

    var (markdown, json) = await report.WriteAsync(Path.Combine(RepositoryLayout.Root, "bench", "results"));
    Console.WriteLine(string.Join('\n', report.Markdown()));
    Console.WriteLine($"written to {json}{(markdown is null ? "" : $" and {markdown}")}");
}
finally
{
    await servers.DisposeAsync();
}
