using System.Buffers;
using System.Text.RegularExpressions;

namespace NhiPlatform.Security.Tests.Logging;

/// <summary>
/// Looks through captured log lines for every known sensitive value (one multi-string search per line) and for the
/// shapes of unknown ones: a JWS compact form and a client secret's prefix followed by secret material.
/// </summary>
internal static partial class LogScanner
{
    public static IReadOnlyList<string> Scan(IEnumerable<string> entries, SensitiveValues sensitive)
    {
        var known = SearchValues.Create([.. sensitive.All.Keys], StringComparison.Ordinal);
        var hits = new List<string>();
        foreach (var entry in entries)
        {
            var at = sensitive.Count == 0 ? -1 : entry.AsSpan().IndexOfAny(known);
            var hit = at >= 0 ? $"{sensitive.All.First(v => entry.AsSpan(at).StartsWith(v.Key, StringComparison.Ordinal)).Value}"
                : JwtShape().IsMatch(entry) ? "JWT compact form"
                : SecretShape().IsMatch(entry) ? "nhi_sk_ followed by secret material"
                : null;
            if (hit is not null)
            {
                hits.Add($"{hit}: {Excerpt(entry)}");
            }
        }

        return hits;
    }

    /// <summary>Enough of the line to find its source, with the match itself cut short so the report does not leak it again.</summary>
    private static string Excerpt(string entry) => entry.Length <= 160 ? entry[..Math.Min(entry.Length, 60)] + "…" : entry[..120] + "…";

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{2,}\.eyJ[A-Za-z0-9_-]{2,}\.")]
    private static partial Regex JwtShape();

    [GeneratedRegex("nhi_sk_[0-9a-fA-F]{8,}")]
    private static partial Regex SecretShape();
}
