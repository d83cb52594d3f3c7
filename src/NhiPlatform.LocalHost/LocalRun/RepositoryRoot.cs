namespace NhiPlatform.LocalHost.LocalRun;

/// <summary>The repository root: the nearest ancestor holding <c>NhiPlatform.sln</c>.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "NhiPlatform.sln";

    /// <summary>
    /// Searches above the LocalHost's own assembly first (it runs from <c>src/NhiPlatform.LocalHost/bin/...</c>, and
    /// the services it starts are built beside it), then above the current directory.
    /// </summary>
    public static string Find()
    {
        var start = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var directory in start)
        {
            if (TryFindAbove(directory) is { } root)
            {
                return root;
            }
        }

        throw new LocalHostException(
            $"Cannot find the repository root: no {SolutionFile} above {AppContext.BaseDirectory} " +
            $"or {Directory.GetCurrentDirectory()}. Run the LocalHost from the repository (./run.sh).");
    }

    public static string? TryFindAbove(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, SolutionFile)))
            {
                return current.FullName;
            }
        }

        return null;
    }
}
