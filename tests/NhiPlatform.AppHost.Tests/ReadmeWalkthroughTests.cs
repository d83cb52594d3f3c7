using System.Diagnostics;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Platform;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// The README's curl walk-through, run verbatim (tests/readme-walkthrough.sh) against the platform under the real
/// AppHost: if the README drifts from the platform, this fails.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReadmeWalkthroughTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Walkthrough_AsWritten_Succeeds()
    {
        // The walk-through reads .nhi/ from its working directory, as at the repository root.
        var workingDirectory = Directory.CreateTempSubdirectory("nhi-readme-").FullName;
        File.CreateSymbolicLink(Path.Combine(workingDirectory, ".nhi"), fixture.Platform.StateDirectory);
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
