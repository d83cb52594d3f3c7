using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace NhiPlatform.SchemaMigrations;

/// <summary>Reads migrations embedded in an assembly as resources ending in <c>NNNN_name.sql</c>.</summary>
public static partial class EmbeddedMigrationSource
{
    public static IReadOnlyList<SchemaMigration> Load(Assembly assembly)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Resource '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            migrations.Add(new SchemaMigration(version, match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key} in {assembly.GetName().Name}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
