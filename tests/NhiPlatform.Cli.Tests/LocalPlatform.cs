using NhiPlatform.Testing.Platform;

namespace NhiPlatform.Cli.Tests;

/// <summary>The platform under the real AppHost, in a state directory of its own, shared by a test class.</summary>
public abstract class LocalPlatform : AppHostPlatformFixture
{
    /// <summary>Where <c>endpoints.json</c> and <c>bootstrap.json</c> are: <c>nhi --state-dir</c> reads them.</summary>
    public string StateDirectory => Platform.StateDirectory;
}
