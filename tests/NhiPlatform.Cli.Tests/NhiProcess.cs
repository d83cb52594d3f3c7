using System.Diagnostics;
using System.Text.Json;
using NhiPlatform.Testing;

namespace NhiPlatform.Cli.Tests;

/// <summary>Runs the built <c>nhi</c> as a process, as an operator would, and captures what it prints.</summary>
internal static class NhiProcess
{
    private static readonly string AssemblyPath = Path.Combine(
        RepositoryLayout.Root, "src", "NhiPlatform.Cli", "bin", RepositoryLayout.BuildConfiguration, "net10.0", "nhi.dll");

    public static async Task<NhiResult> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Never pick up a developer's own platform through the environment.
        foreach (var name in new[] { "NHI_GATEWAY", "NHI_CLIENT_ID", "NHI_CLIENT_SECRET", "NHI_STATE_DIR" })
        {
            startInfo.Environment.Remove(name);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new NhiResult(process.ExitCode, await output, await error);
    }
}

internal sealed record NhiResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"nhi exited {ExitCode}: {Error}");
        return JsonDocument.Parse(Output).RootElement;
    }
}
