using System.Globalization;
using NhiPlatform.TokenService.Benchmarks;

// WebApplicationFactory finds the service's content root through the manifest next to this assembly.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
await using var bench = await BenchmarkTopology.StartAsync();
var runner = new LoadRunner(concurrency);

// Warm both paths (JIT, connection pools, caches), then alternate the measured rounds so drift hits both alike.
await runner.RunAsync(bench.BareRequest, TimeSpan.FromSeconds(3));
await runner.RunAsync(bench.TokenRequest, TimeSpan.FromSeconds(3));
await runner.RunAsync(bench.FederatedRequest, TimeSpan.FromSeconds(3));
var bare = new List<LoadResult>();
var service = new List<LoadResult>();
var federated = new List<LoadResult>();
for (var round = 0; round < 2; round++)
{
    bare.Add(await runner.RunAsync(bench.BareRequest, TimeSpan.FromSeconds(seconds)));
    service.Add(await runner.RunAsync(bench.TokenRequest, TimeSpan.FromSeconds(seconds)));
    federated.Add(await runner.RunAsync(bench.FederatedRequest, TimeSpan.FromSeconds(seconds)));
}

var report = BenchmarkReport.Write(LoadResult.Combine(bare), LoadResult.Combine(service), LoadResult.Combine(federated), seconds, concurrency);
Console.WriteLine(report);
