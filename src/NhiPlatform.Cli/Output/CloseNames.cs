namespace NhiPlatform.Cli.Output;

/// <summary>"Did you mean": the known names closest to a mistyped one (edit distance, or one containing the other).</summary>
internal static class CloseNames
{
    private const int Shown = 3;

    /// <summary>The operator's error for a name the platform does not know, with the close ones, or what it knows.</summary>
    public static string Unknown(string what, string name, IEnumerable<string> known)
    {
        var names = known.Distinct(StringComparer.Ordinal).ToList();
        var close = Suggest(name, names);
        var hint = close.Count > 0
            ? $" Did you mean: {string.Join(", ", close)}?"
            : names.Count > 0 ? $" Known: {string.Join(", ", names.Order(StringComparer.Ordinal).Take(10))}{(names.Count > 10 ? ", ..." : "")}." : string.Empty;
        return $"No {what} named '{name}'.{hint}";
    }

    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> known) =>
        [.. known
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(match => match.Distance <= Math.Max(2, name.Length / 3)
                || (name.Length >= 3 && match.Candidate.Contains(name, StringComparison.OrdinalIgnoreCase))
                || (match.Candidate.Length >= 3 && name.Contains(match.Candidate, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(match => match.Distance).ThenBy(match => match.Candidate, StringComparer.Ordinal)
            .Select(match => match.Candidate)
            .Distinct(StringComparer.Ordinal)
            .Take(Shown)];

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
