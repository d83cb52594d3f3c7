namespace NhiPlatform.Testing.Servers.Redis;

/// <summary>Finds redis-server, or says how to install it.</summary>
internal static class RedisBinary
{
    public const string ProgramName = "redis-server";
    private static readonly string[] WellKnownDirectories = ["/usr/bin", "/usr/local/bin"];

    public static string Locate(string? configuredPath)
    {
        if (configuredPath is not null)
        {
            return File.Exists(configuredPath)
                ? configuredPath
                : throw new ServerStartException($"{ProgramName} is missing: {configuredPath} not found. {InstallHint}");
        }

        var searchPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(WellKnownDirectories);
        foreach (var directory in searchPath)
        {
            var candidate = Path.Combine(directory, ProgramName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ServerStartException(
            $"{ProgramName} is missing: not found on PATH nor in {string.Join(" or ", WellKnownDirectories)}. {InstallHint}");
    }

    private const string InstallHint =
        "Install it with `sudo apt-get install -y redis-server` (./scripts/prerequisites.sh does this and stops the " +
        "system service the package starts).";
}
