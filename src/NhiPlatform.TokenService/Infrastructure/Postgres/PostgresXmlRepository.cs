using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>
/// The Data Protection key ring in PostgreSQL, so every replica protects and unprotects with the same keys.
/// Data Protection's repository interface is synchronous; it is called rarely (start-up, key roll). What it stores
/// is already encrypted under the key-encryption key (KeyProtection/), which never lives here.
/// </summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => GetAllNamedElements().Select(named => named.Element).ToList();

    /// <summary>Every stored element with its friendly name (the row's key).</summary>
    public IReadOnlyList<(string Name, XElement Element)> GetAllNamedElements()
    {
        using var command = dataSource.CreateCommand("SELECT friendly_name, xml FROM tokens.data_protection_keys");
        using var reader = command.ExecuteReader();
        var elements = new List<(string, XElement)>();
        while (reader.Read())
        {
            elements.Add((reader.GetString(0), XElement.Parse(reader.GetString(1))));
        }

        return elements;
    }

    /// <summary>Replaces an element if no other replica changed it meanwhile; false when one did (its version stands).</summary>
    public bool ReplaceElement(string friendlyName, XElement expected, XElement replacement)
    {
        using var command = dataSource.CreateCommand(
            "UPDATE tokens.data_protection_keys SET xml = $3 WHERE friendly_name = $1 AND xml = $2");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(expected.ToString(SaveOptions.DisableFormatting));
        command.Parameters.AddWithValue(replacement.ToString(SaveOptions.DisableFormatting));
        return command.ExecuteNonQuery() == 1;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand("""
            INSERT INTO tokens.data_protection_keys (friendly_name, xml) VALUES ($1, $2)
            ON CONFLICT (friendly_name) DO NOTHING
            """);
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
