using System.Globalization;
using NhiPlatform.Testing.Servers.Processes;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>
/// The PostgreSQL 15 server programs, and how to run them: directly, or, when the tests run as root (PostgreSQL
/// refuses root), through <c>setpriv</c> as the <c>postgres</c> OS user; setpriv execs, so the process id stays the
/// server's.
/// </summary>
internal sealed record PostgresBinaries(string InitDb, string Server, PostgresOsUser? RunAs)
{
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string SetprivPath = "/usr/bin/setpriv";
    private const string InstallHint =
        "Install them with `sudo apt-get install -y postgresql-15` (./scripts/prerequisites.sh does this).";

    /// <summary>Finds the programs or throws a <see cref="ServerStartException"/> that says what is missing and how to install it.</summary>
    public static PostgresBinaries Locate(string binDirectory)
    {
        var initDb = Path.Combine(binDirectory, "initdb");
        var server = Path.Combine(binDirectory, "postgres");
        var missing = new[] { initDb, server }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new ServerStartException(
                $"PostgreSQL 15 server binaries are missing: {string.Join(" and ", missing)} not found. {InstallHint}");
        }

        if (!UnixProcess.IsRoot)
        {
            return new PostgresBinaries(initDb, server, RunAs: null);
        }

        if (!File.Exists(SetprivPath))
        {
            throw new ServerStartException(
                $"Running as root, PostgreSQL must be started as the '{PostgresOsUser.DefaultName}' OS user through " +
                $"{SetprivPath}, which is missing. Install it with `sudo apt-get install -y util-linux`.");
        }

        var user = PostgresOsUser.TryFind() ?? throw new ServerStartException(
            $"Running as root, PostgreSQL must be started as the '{PostgresOsUser.DefaultName}' OS user, which does not " +
            $"exist. {InstallHint} (the package creates the user), or run as a non-root user.");
        return new PostgresBinaries(initDb, server, user);
    }

    /// <summary>The program and arguments that run <paramref name="program"/> as the right user.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Command(string program, IEnumerable<string> arguments)
    {
        if (RunAs is null)
        {
            return (program, arguments.ToList());
        }

        List<string> wrapped =
        [
            string.Create(CultureInfo.InvariantCulture, $"--reuid={RunAs.UserId}"),
            string.Create(CultureInfo.InvariantCulture, $"--regid={RunAs.GroupId}"),
            "--init-groups",
            "--",
            program,
            .. arguments,
        ];
        return (SetprivPath, wrapped);
    }

    public Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, wrapped) = Command(program, arguments);
        return CommandRunner.RunAsync(fileName, wrapped, cancellationToken);
    }
}
