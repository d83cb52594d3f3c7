using System.Globalization;

namespace NhiPlatform.Faults.Tests;

/// <summary>
/// The suite's profile, from the environment so <c>./bench.sh</c> can run a longer one than CI (README.md):
/// <c>NHI_FAULTS_PHASE_SECONDS</c>, <c>NHI_FAULTS_RATE</c> (requests per second, all workers) and <c>NHI_FAULTS_WORKERS</c>.
/// </summary>
internal sealed record FaultSuiteSettings(TimeSpan PhaseDuration, int RequestsPerSecond, int Workers)
{
    public static FaultSuiteSettings FromEnvironment() => new(
        TimeSpan.FromSeconds(Read("NHI_FAULTS_PHASE_SECONDS", 6, 2, 600)),
        Read("NHI_FAULTS_RATE", 120, 10, 2000),
        Read("NHI_FAULTS_WORKERS", 6, 1, 64));

    private static int Read(string name, int fallback, int min, int max)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{name}={text}: expected an integer from {min} to {max}.");
    }
}
