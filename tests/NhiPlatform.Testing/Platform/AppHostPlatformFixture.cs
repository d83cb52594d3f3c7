using Aspire.Hosting.Testing;
using Xunit;

namespace NhiPlatform.Testing.Platform;

/// <summary>
/// An xunit collection fixture: one <see cref="AppHostPlatform"/> for every test class in the collection. A platform
/// that cannot start fails each of those tests with the reason.
/// </summary>
public class AppHostPlatformFixture : IAsyncLifetime
{
    private AppHostPlatform? _platform;

    public AppHostPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>Whether the platform started (a fixture's clean-up has nothing to read otherwise).</summary>
    protected bool IsStarted => _platform is not null;

    /// <summary>Configuration for the AppHost beyond the state directory and a free gateway port.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Whether the Aspire dashboard runs (its telemetry API, its pages).</summary>
    protected virtual bool Dashboard => false;

    /// <summary>Changes to the AppHost's resources before it is built (a service's environment, say).</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public virtual async Task InitializeAsync() => _platform = await AppHostPlatform.StartAsync(Settings, Dashboard, Configure);

    public virtual async Task DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
