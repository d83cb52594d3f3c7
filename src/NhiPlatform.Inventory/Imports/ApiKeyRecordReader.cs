using System.Globalization;
using System.Text.Json;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Imports;

/// <summary>
/// Reads API-key records (name, system, owner, created, expires, last rotated) from JSON (an array of objects) or CSV
/// (a header row naming the columns). Every problem is reported with its record or line; any problem fails the import.
/// </summary>
internal static class ApiKeyRecordReader
{
    private static readonly string[] Columns = ["name", "system", "owner", "created", "expires", "last_rotated"];

    public static ImportParseResult ReadJson(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return ImportParseResult.Fail($"Not valid JSON: {exception.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ImportParseResult.Fail("Expected a JSON array of API-key records.");
            }

            var rows = new List<(string Where, Func<string, string?> Get)>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return ImportParseResult.Fail($"Record {index}: not an object.");
                }

                var values = element.EnumerateObject().ToDictionary(p => Normalize(p.Name), p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText());
                rows.Add(($"Record {index}", column => values.GetValueOrDefault(column)));
            }

            return Build(rows);
        }
    }

    public static ImportParseResult ReadCsv(string csv)
    {
        var lines = CsvParser.Parse(csv, out var csvError);
        if (csvError is not null)
        {
            return ImportParseResult.Fail(csvError);
        }

        if (lines.Count == 0)
        {
            return ImportParseResult.Fail("Empty CSV: expected a header row (name,system,owner,created,expires,last_rotated).");
        }

        var header = lines[0].Fields.Select(Normalize).ToList();
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0 || !header.Contains("name") || !header.Contains("system"))
        {
            return ImportParseResult.Fail($"Header must name columns among {string.Join(',', Columns)} including name and system" +
                (unknown.Count > 0 ? $"; unknown: {string.Join(',', unknown)}" : "") + ".");
        }

        var rows = new List<(string Where, Func<string, string?> Get)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Fields.Count != header.Count)
            {
                return ImportParseResult.Fail($"Line {line.Number}: {line.Fields.Count} fields, the header has {header.Count}.");
            }

            var fields = line.Fields;
            rows.Add(($"Line {line.Number}", column => header.IndexOf(column) is var i and >= 0 ? fields[i] : null));
        }

        return Build(rows);
    }

    private static ImportParseResult Build(List<(string Where, Func<string, string?> Get)> rows)
    {
        if (rows.Count == 0)
        {
            return ImportParseResult.Fail("No records.");
        }

        if (rows.Count > ImportLimits.MaxRecords)
        {
            return ImportParseResult.Fail($"At most {ImportLimits.MaxRecords} records per import.");
        }

        var errors = new List<string>();
        var records = new List<CredentialRecord>();
        foreach (var (where, get) in rows)
        {
            var name = get("name")?.Trim();
            var system = get("system")?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(system))
            {
                errors.Add($"{where}: name and system are required.");
                continue;
            }

            var created = Date(get("created"), where, "created", errors);
            var expires = Date(get("expires"), where, "expires", errors);
            var rotated = Date(get("last_rotated"), where, "last_rotated", errors);
            var owner = get("owner")?.Trim();
            records.Add(new CredentialRecord
            {
                CredentialId = $"api_key:{system}/{name}", Source = "api_key", Name = name, System = system,
                Owner = string.IsNullOrEmpty(owner) ? null : owner, Kind = "api_key", CreatedAt = created, ExpiresAt = expires,
                LastRotatedAt = rotated ?? created,
            });
        }

        var duplicates = records.GroupBy(r => r.CredentialId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        errors.AddRange(duplicates.Select(d => $"Duplicate record {d["api_key:".Length..]}."));
        return errors.Count > 0 ? ImportParseResult.Fail([.. errors]) : new ImportParseResult(records, []);
    }

    private static DateTimeOffset? Date(string? value, string where, string column, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        errors.Add($"{where}: {column} '{value}' is not a date (ISO 8601, e.g. 2026-01-31 or 2026-01-31T12:00:00Z).");
        return null;
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "lastrotated" or "last rotated" or "last_rotated" or "rotated" => "last_rotated",
        "createdat" or "created_at" => "created",
        "expiresat" or "expires_at" or "expiry" => "expires",
        var other => other,
    };
}
