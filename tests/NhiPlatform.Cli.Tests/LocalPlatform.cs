using NhiPlatform.Testing;

namespace NhiPlatform.Cli.Tests;

/// <summary>The LocalHost as ./run.sh starts it, in a state directory of its own, shared by a test class.</summary>
public abstract class LocalPlatform(string[] extraArguments) : IAsyncLifetime
{
    private TemporaryDirectory _state = null!;
    private LocalHostProcess _host = null!;

    public string StateDirectory => _state.Path;

    public async Task InitializeAsync()
    {
        _state = await TemporaryDirectory.CreateAsync("cli", CancellationToken.None);
        _host = LocalHostProcess.Start(_state,
            ["--gateway-port", "0", "--configuration", RepositoryLayout.BuildConfiguration, .. extraArguments]);
        await _host.WaitForEndpointsAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _state.Dispose();
    }
}
