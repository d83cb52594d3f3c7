namespace NhiPlatform.Testing;

/// <summary>The repository root: the nearest ancestor holding <c>NhiPlatform.sln</c>.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "NhiPlatform.sln";

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
