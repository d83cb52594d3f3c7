using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NhiPlatform.Gateway.Usage;

namespace NhiPlatform.Gateway.Tests.TestSupport;

/// <summary>Real (not mocked) collaborators for unit tests: a meter factory, usage options, a spill directory.</summary>
internal static class TestServices
{
    public static UsageMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    public static IOptions<UsageOptions> UsageOptions(string spillDirectory, int capacity = 1_000) =>
        Options.Create(new UsageOptions { SpillDirectory = spillDirectory, ChannelCapacity = capacity, BatchSize = 10 });

    public static UsageSpillFile Spill(string directory, UsageMetrics metrics, TimeProvider? timeProvider = null) =>
        new(UsageOptions(directory), new Environment(), metrics, timeProvider ?? TimeProvider.System, NullLogger<UsageSpillFile>.Instance);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
