using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace NhiPlatform.TokenService.Infrastructure.Postgres;

/// <summary>
/// The Data Protection key ring in PostgreSQL, so every replica protects and unprotects with the same keys.
/// Data Protection's repository interface is synchronous; it is called rarely (start-up, key roll).
/// </summary>
internal sealed class PostgresXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM tokens.data_protection_keys");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
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
