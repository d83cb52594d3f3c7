using System.Text.Json;

namespace NhiPlatform.Cli.Output;

/// <summary>Human tables by default; <c>--json</c> writes the API's JSON unchanged, for scripts.</summary>
internal sealed class OutputWriter(TextWriter writer, bool json)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public bool Json { get; } = json;

    public void WriteJson(JsonElement element) => writer.WriteLine(JsonSerializer.Serialize(element, Indented));

    /// <summary>Rows of <paramref name="items"/> (a JSON array) under the given columns, or the JSON itself with --json.</summary>
    public void WriteTable(JsonElement items, params (string Header, Func<JsonElement, string> Value)[] columns)
    {
        if (Json)
        {
            WriteJson(items);
            return;
        }

        var rows = items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(item => columns.Select(c => c.Value(item)).ToArray()).ToList()
            : [];
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        writer.WriteLine(string.Join("  ", columns.Select((c, i) => c.Header.ToUpperInvariant().PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        if (rows.Count == 0)
        {
            writer.WriteLine("(none)");
        }
    }

    /// <summary>One object as <c>field: value</c> lines, or its JSON with --json.</summary>
    public void WriteObject(JsonElement item, params (string Label, Func<JsonElement, string> Value)[] fields)
    {
        if (Json)
        {
            WriteJson(item);
            return;
        }

        var width = fields.Max(f => f.Label.Length);
        foreach (var (label, value) in fields)
        {
            writer.WriteLine($"{(label + ":").PadRight(width + 1)} {value(item)}");
        }
    }

    public void WriteLine(string text) => writer.WriteLine(text);

    /// <summary>A property as text: strings as they are, arrays joined, absent as "-".</summary>
    public static string Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "-",
                JsonValueKind.Array => string.Join(' ', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                JsonValueKind.Null or JsonValueKind.Undefined => "-",
                JsonValueKind.Object => string.Join(',', value.EnumerateObject().Select(p => $"{p.Name}={p.Value}")),
                _ => value.GetRawText(),
            }
            : "-";
}
