namespace NhiPlatform.AppHost.LocalServers;

/// <summary>Where Debian's PostgreSQL 15 server binaries are, and which OS user runs them (PostgreSQL refuses root).</summary>
internal sealed record PostgresBinaries(string BinDirectory, string? RunAs)
{
    private const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The OS user the server runs as when the AppHost is root; its data must be reachable by that user.</summary>
    public const string ServerUser = "postgres";

    public static PostgresBinaries Locate(string? configured)
    {
        var directory = configured ?? DefaultBinDirectory;
        if (!File.Exists(Path.Combine(directory, "postgres")) || !File.Exists(Path.Combine(directory, "initdb")))
        {
            throw new DistributedApplicationException(
                $"The PostgreSQL 15 server binaries are not in {directory}: install them (apt-get install postgresql-15; " +
                "./run.sh and ./test.sh do it) or set Nhi:Host:PostgresBinDirectory.");
        }

        return new PostgresBinaries(directory, Environment.UserName == "root" ? ServerUser : null);
    }

    /// <summary>The command and leading arguments that run <paramref name="program"/> as <see cref="RunAs"/>.</summary>
    public (string Command, string[] Arguments) Command(string program) => RunAs is { } user
        ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", Path.Combine(BinDirectory, program)])
        : (Path.Combine(BinDirectory, program), []);

    /// <summary>The scripts take the user, or "-" to run as the AppHost's own user.</summary>
    public string RunAsArgument => RunAs ?? "-";
}
