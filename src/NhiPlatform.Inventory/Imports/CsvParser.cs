using System.Text;

namespace NhiPlatform.Inventory.Imports;

/// <summary>RFC 4180 CSV: comma separated, double-quoted fields with doubled quotes; blank lines skipped.</summary>
internal static class CsvParser
{
    public static List<CsvLine> Parse(string text, out string? error)
    {
        error = null;
        var lines = new List<CsvLine>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { inQuotes = false; }
                else { if (c == '\n') { line++; } field.Append(c); }
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case '"': error = $"Line {line}: a quote inside an unquoted field."; return [];
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    End(lines, fields, field, start);
                    line++;
                    start = line;
                    break;
                default: field.Append(c); break;
            }
        }

        if (inQuotes)
        {
            error = $"Line {start}: a quoted field is never closed.";
            return [];
        }

        End(lines, fields, field, start);
        return lines;
    }

    private static void End(List<CsvLine> lines, List<string> fields, StringBuilder field, int number)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
        {
            lines.Add(new CsvLine(number, [.. fields]));
        }

        fields.Clear();
    }
}
