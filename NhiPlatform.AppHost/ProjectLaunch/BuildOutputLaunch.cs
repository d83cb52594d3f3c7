namespace NhiPlatform.AppHost.ProjectLaunch;

/// <summary>
/// Run mode: every project resource starts from its build output (<c>dotnet Service.dll</c>), not through
/// <c>dotnet run</c>, which evaluates the project again at each start: seconds of CPU per service, paid again at each
/// step of the start-up order. Aspire's launch recipes are internal, so a <c>dotnet</c> of ours goes first on the PATH
/// the orchestrator starts projects with; it changes only <c>dotnet run --no-build</c> of a built project.
/// </summary>
internal static class BuildOutputLaunch
{
    private const string LauncherFolder = "ProjectLaunch";

    /// <summary>The variable that tells our <c>dotnet</c> where the real one is.</summary>
    private const string RealDotnetVariable = "NHI_DOTNET";

    public static void LaunchProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode || OperatingSystem.IsWindows())
        {
            return;
        }

        var launcher = Path.Combine(builder.AppHostDirectory, LauncherFolder);
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var entries = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (entries.FirstOrDefault() == launcher)
        {
            return; // Set already: the tests build the AppHost several times in one process.
        }

        var dotnet = entries.Select(entry => Path.Combine(entry, "dotnet")).FirstOrDefault(File.Exists);
        if (dotnet is null)
        {
            return; // No dotnet on the PATH: the orchestrator's own resolution applies.
        }

        Environment.SetEnvironmentVariable(RealDotnetVariable, dotnet);
        Environment.SetEnvironmentVariable("PATH", launcher + Path.PathSeparator + path);
    }
}
