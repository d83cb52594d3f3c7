using System.Globalization;

namespace NhiPlatform.Testing.Servers.Postgres;

/// <summary>The <c>postgres</c> OS user (from <c>/etc/passwd</c>) that runs PostgreSQL when the tests run as root.</summary>
internal sealed record PostgresOsUser(string Name, int UserId, int GroupId)
{
    public const string DefaultName = "postgres";

    public static PostgresOsUser? TryFind(string name = DefaultName)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4
                && fields[0] == name
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var groupId))
            {
                return new PostgresOsUser(name, userId, groupId);
            }
        }

        return null;
    }

    /// <summary>The <c>owner:group</c> argument of chown.</summary>
    public string Ownership => string.Create(CultureInfo.InvariantCulture, $"{UserId}:{GroupId}");
}
