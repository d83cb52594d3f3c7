using System.Reflection;


namespace NhiPlatform.Testing;

/// <summary>Where the repository and its built assemblies are, seen from a test.</summary>
public static class RepositoryLayout
{
    /// <summary>The nearest directory above the test's output holding <c>NhiPlatform.sln</c>.</summary>
    public static string Root { get; } = RepositoryRoot.TryFindAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepositoryRoot.SolutionFile} above {AppContext.BaseDirectory}.");

    /// <summary>The configuration these tests were built with (Debug or Release); the AppHost runs the services from the same.</summary>
    public static string BuildConfiguration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
