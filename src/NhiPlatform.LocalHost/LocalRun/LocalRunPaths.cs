using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.LocalHost.LocalRun;

/// <summary>
/// The run state of one LocalHost (ARCHITECTURE "Two hosts, one topology"): by default <c>&lt;repo&gt;/.nhi/</c>
/// with <c>data/</c> (PostgreSQL cluster, Redis AOF), <c>logs/</c>, <c>run/</c> (lock, pids),
/// <c>endpoints.json</c> and <c>bootstrap.json</c>.
/// </summary>
internal sealed record LocalRunPaths
{
    public const string DefaultStateDirectoryName = ".nhi";

    public required string RepositoryRoot { get; init; }

    public required string StateDirectory { get; init; }

    public required string DataDirectory { get; init; }

    public string LogsDirectory => Path.Combine(StateDirectory, "logs");

    public string RunDirectory => Path.Combine(StateDirectory, "run");

    public string EndpointsFile => Path.Combine(StateDirectory, EndpointsDocument.FileName);

    public string BootstrapFile => Path.Combine(StateDirectory, BootstrapCredentials.FileName);

    public string PidFile => Path.Combine(RunDirectory, "pids");

    public string LockFile => Path.Combine(RunDirectory, "localhost.lock");

    /// <summary>The lock holder's process id (the lock file itself cannot be read while locked).</summary>
    public string OwnerFile => Path.Combine(RunDirectory, "localhost.pid");

    /// <summary>The PostgreSQL server's directory: cluster in <c>pg/</c>, password in <c>postgres.password</c>.</summary>
    public string PostgresDirectory => DataDirectory;

    public string RedisDirectory => Path.Combine(DataDirectory, "redis");

    /// <summary>The sample identities' credentials files (mode 600), written by the demo seeding.</summary>
    public string SamplesCredentialsDirectory => Path.Combine(StateDirectory, "samples");

    public static LocalRunPaths Create(string repositoryRoot, string? stateDirectory, string? dataDirectory)
    {
        var state = Path.GetFullPath(stateDirectory ?? Path.Combine(repositoryRoot, DefaultStateDirectoryName));
        return new LocalRunPaths
        {
            RepositoryRoot = repositoryRoot,
            StateDirectory = state,
            DataDirectory = Path.GetFullPath(dataDirectory ?? Path.Combine(state, "data")),
        };
    }

    /// <summary>A path as a developer reads it: relative to the repository when inside it.</summary>
    public string Display(string path)
    {
        var relative = Path.GetRelativePath(RepositoryRoot, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>Creates the state directories; searchable by others so the postgres OS user can reach its cluster.</summary>
    public void CreateDirectories()
    {
        const UnixFileMode Searchable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var directory in new[] { StateDirectory, DataDirectory, LogsDirectory, RunDirectory })
        {
            Directory.CreateDirectory(directory, Searchable);
        }
    }
}
