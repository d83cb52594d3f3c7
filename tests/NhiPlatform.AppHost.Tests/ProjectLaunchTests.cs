using System.Diagnostics;
using System.Globalization;
using NhiPlatform.Testing;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// Run mode starts every project from its build output: our <c>dotnet</c> (first on the orchestrator's PATH) turns the
/// orchestrator's <c>dotnet run --no-build</c> of a built project into <c>dotnet Project.dll</c> and leaves anything
/// else to the real dotnet.
/// </summary>
public sealed class ProjectLaunchTests : IDisposable
{
    private static readonly string Launcher = Path.Combine(RepositoryLayout.Root, "NhiPlatform.AppHost", "ProjectLaunch", "dotnet");
    private readonly string _directory = Directory.CreateTempSubdirectory("nhi-launch-").FullName;

    [Fact]
    public async Task DotnetRunOfABuiltProject_StartsItsAssembly_WithTheApplicationArguments()
    {
        var project = CreateProject("Sample", built: true);

        var arguments = await LaunchAsync("run", "--project", project, "--no-build", "--configuration", "Release", "--no-launch-profile", "--", "seed", "--all");

        Assert.Equal([Path.Combine(_directory, "Sample", "bin", "Release", "net10.0", "Sample.dll"), "seed", "--all"], arguments);
    }

    [Fact]
    public async Task DotnetRunOfAProjectWithoutBuildOutput_GoesToTheRealDotnetUnchanged()
    {
        var project = CreateProject("Unbuilt", built: false);
        string[] run = ["run", "--project", project, "--no-build", "--configuration", "Release", "--no-launch-profile"];

        Assert.Equal(run, await LaunchAsync(run));
    }

    [Fact]
    public async Task AnyOtherCommand_GoesToTheRealDotnetUnchanged()
    {
        string[] build = ["build", "--configuration", "Release", "--no-restore", "x.csproj", "-v", "quiet"];

        Assert.Equal(build, await LaunchAsync(build));
    }

    /// <summary>Runs our dotnet with a stand-in for the real one that prints the arguments it gets.</summary>
    private async Task<string[]> LaunchAsync(params string[] arguments)
    {
        var realDotnet = Path.Combine(_directory, "real-dotnet");
        await File.WriteAllTextAsync(realDotnet, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        File.SetUnixFileMode(realDotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo(Launcher) { RedirectStandardOutput = true, RedirectStandardError = true, Environment = { ["NHI_DOTNET"] = realDotnet } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode}: {error}"));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private string CreateProject(string name, bool built)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, "<Project />");
        if (built)
        {
            var output = Directory.CreateDirectory(Path.Combine(directory, "bin", "Release", "net10.0")).FullName;
            File.WriteAllText(Path.Combine(output, name + ".dll"), string.Empty);
        }

        return project;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
