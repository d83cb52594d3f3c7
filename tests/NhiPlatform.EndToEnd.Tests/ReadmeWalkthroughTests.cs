using System.Diagnostics;
using NhiPlatform.Testing;

namespace NhiPlatform.EndToEnd.Tests;

/// <summary>
/// The README's curl walk-through, run verbatim (tests/readme-walkthrough.sh) against a LocalHost started as
/// ./run.sh starts it: if the README drifts from the platform, this fails.
/// </summary>
public sealed class ReadmeWalkthroughTests : IAsyncLifetime
{
    private TemporaryDirectory _state = null!;
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _state = await TemporaryDirectory.CreateAsync("readme", CancellationToken.None);
        _host = LocalHostProcess.Start(_state, "--gateway-port", "0", "--configuration", RepositoryLayout.BuildConfiguration);
        await _host.WaitForEndpointsAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Walkthrough_AsWritten_Succeeds()
    {
        // The walk-through reads .nhi/ from its working directory, as at the repository root.
        var workingDirectory = Directory.CreateTempSubdirectory("nhi-readme-").FullName;
        File.CreateSymbolicLink(Path.Combine(workingDirectory, ".nhi"), _state.Path);
        try
        {
            var startInfo = new ProcessStartInfo("bash")
            {
                ArgumentList = { Path.Combine(RepositoryLayout.Root, "tests", "readme-walkthrough.sh"), workingDirectory },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, $"readme-walkthrough.sh exited {process.ExitCode}:\n{await output}\n{await error}");
            Assert.Contains("readme-walkthrough: ok", await output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }
}
