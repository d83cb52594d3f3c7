using NhiPlatform.Testing;

namespace NhiPlatform.AppHost.Tests;

/// <summary>Where the built AppHost and ./run.sh are.</summary>
internal static class AppHostProcess
{
    public static string ExecutablePath { get; } = Path.Combine(
        RepositoryLayout.Root, "NhiPlatform.AppHost", "bin", RepositoryLayout.BuildConfiguration, "net10.0", "NhiPlatform.AppHost");

    public static string RunScript { get; } = Path.Combine(RepositoryLayout.Root, "run.sh");
}
