using System.Text.RegularExpressions;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>Database names the starters create are plain lower-case identifiers, safe to quote into DDL.</summary>
internal static partial class PostgresDatabaseName
{
    public static void Validate(string database)
    {
        if (!Pattern().IsMatch(database))
        {
            throw new ArgumentException(
                $"'{database}' is not a plain database name (lower-case letters, digits, '_', at most 63).", nameof(database));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Pattern();
}
