using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>
/// Creates the cluster once (initdb, scram-sha-256 for every connection, a generated superuser password kept in a
/// mode-600 file beside it) and reads that password on later starts.
/// </summary>
internal static class PostgresCluster
{
    private const string VersionFile = "PG_VERSION";

    /// <summary>Returns the superuser password, creating the cluster first when there is none.</summary>
    public static async Task<string> EnsureInitializedAsync(
        PostgresServerOptions options, PostgresBinaries binaries, ILogger logger, CancellationToken cancellationToken)
    {
        var cluster = options.ClusterDirectory;
        if (File.Exists(Path.Combine(cluster, VersionFile)))
        {
            if (!File.Exists(options.PasswordFile))
            {
                throw new ServerStartException(
                    $"The PostgreSQL cluster in {cluster} has lost its password file {options.PasswordFile}. " +
                    $"Delete {cluster} to create a new cluster (its data is lost).");
            }

            return (await File.ReadAllTextAsync(options.PasswordFile, cancellationToken)).Trim();
        }

        PostgresLog.InitializingCluster(logger, cluster);
        Directory.CreateDirectory(options.DataDirectory);
        if (Directory.Exists(cluster))
        {
            // An initdb that did not finish; initdb refuses a non-empty directory.
            Directory.Delete(cluster, recursive: true);
        }

        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await WritePasswordFileAsync(options.PasswordFile, password, cancellationToken);
        Directory.CreateDirectory(cluster, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (binaries.RunAs is { } user)
        {
            await ChangeOwnerAsync(user, [cluster, options.PasswordFile], cancellationToken);
        }

        await EnsureReachableAsync(options, binaries, cancellationToken);
        List<string> arguments =
        [
            "--pgdata=" + cluster,
            "--username=postgres",
            "--auth=scram-sha-256",
            "--pwfile=" + options.PasswordFile,
            "--encoding=UTF8",
            "--no-locale",
            "--no-instructions",
        ];
        if (!options.Durable)
        {
            arguments.Add("--no-sync");
        }

        var result = await binaries.RunAsync(binaries.InitDb, arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ServerStartException(
                $"initdb failed (exit code {result.ExitCode}) for {cluster}:{Environment.NewLine}{result.Output}");
        }

        return password;
    }

    /// <summary>
    /// When PostgreSQL runs as the postgres OS user, that user must be able to reach the cluster: every directory
    /// above it searchable. Fails with the remedy instead of leaving initdb or the server to fail obscurely.
    /// </summary>
    public static async Task EnsureReachableAsync(
        PostgresServerOptions options, PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        if (binaries.RunAs is not { } user)
        {
            return;
        }

        var result = await binaries.RunAsync("/usr/bin/test", ["-w", options.ClusterDirectory], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ServerStartException(
                $"PostgreSQL runs as the '{user.Name}' OS user (PostgreSQL refuses root), and that user cannot write " +
                $"{options.ClusterDirectory}. Make every directory above it searchable (chmod o+x DIR) or choose a " +
                "data directory elsewhere (--data-dir).");
        }
    }

    private static async Task WritePasswordFileAsync(string path, string password, CancellationToken cancellationToken)
    {
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using var stream = new FileStream(path, fileOptions);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(password.AsMemory(), cancellationToken);
        // UnixCreateMode applies only to a new file; an existing one keeps its mode unless set.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static async Task ChangeOwnerAsync(PostgresOsUser user, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var result = await Processes.CommandRunner.RunAsync("chown", ["-R", user.Ownership, .. paths], cancellationToken);
        if (!result.Succeeded)
        {
            throw new ServerStartException($"chown to the '{user.Name}' OS user failed: {result.Output}");
        }
    }
}
