using System.Globalization;
using NhiPlatform.Soak;

// Mixed traffic through a running platform (./run.sh) while every service's memory is sampled; exit 1 when an aim is missed.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: NhiPlatform.Soak <state dir, e.g. .nhi> [minutes (default 10)] [requests per second (default 80)]");
    return 2;
}

var minutes = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 80;
var platform = await SoakPlatform.ConnectAsync(args[0]);
Console.WriteLine($"soak: {minutes} min at {rate} req/s through {platform.Gateway}; services: " +
    string.Join(", ", platform.Services.Select(s => $"{s.Name} (pid {s.ProcessId})")));

using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
using var traffic = await TrafficMix.CreateAsync(platform);
var sampler = new MemorySampler(platform.Services, TimeSpan.FromSeconds(5));
var sampling = sampler.RunAsync(stop.Token);
var load = await new SoakLoad(traffic, rate).RunAsync(stop.Token);
await sampling;

var report = SoakReport.Create(minutes, rate, load, sampler.Samples);
Console.WriteLine(report.Markdown);
Console.WriteLine($"soak: results in {report.Write()}");
return report.Passed ? 0 : 1;
