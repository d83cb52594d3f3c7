using System.Globalization;
using Microsoft.AspNetCore.Http;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.ServiceDefaults.Queries;

/// <summary>
/// Reads an endpoint's query parameters by name and notes every one that cannot be read (a value of the wrong form,
/// out of range, given twice, or a name the endpoint does not read) instead of ignoring it: <see cref="Finish"/>
/// hands the notes to <see cref="QueryProblemsFilter"/>, which answers them as one 400 naming each parameter.
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> _problems = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Free text, as given (an empty value is an empty filter).</summary>
    public string? Text(string name, int maxLength = 1000)
    {
        var value = Single(name);
        if (value is not null && value.Length > maxLength)
        {
            Problem(name, $"At most {maxLength} characters.");
            return null;
        }

        return value;
    }

    /// <summary>One of a fixed set of values, compared exactly.</summary>
    public string? OneOf(string name, IReadOnlyCollection<string> allowed)
    {
        var value = Single(name);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Problem(name, $"One of: {string.Join(", ", allowed)}.");
        return null;
    }

    /// <summary>An instant in ISO 8601 (<c>2026-01-31T12:00:00Z</c>); without an offset it is UTC.</summary>
    public DateTimeOffset? Instant(string name)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        Problem(name, "An ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z.");
        return null;
    }

    /// <summary>How many rows: 1 to <paramref name="max"/>, <paramref name="defaultValue"/> when not given.</summary>
    public int Limit(string name, int defaultValue, int max)
    {
        var value = Single(name);
        if (value is null)
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max)
        {
            return limit;
        }

        Problem(name, $"A whole number from 1 to {max}.");
        return defaultValue;
    }

    /// <summary>A row id: a whole number from 1.</summary>
    public long? Id(string name)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1)
        {
            return id;
        }

        Problem(name, "A whole number from 1.");
        return null;
    }

    /// <summary>A cursor this endpoint gave as <c>next</c>; <paramref name="read"/> turns its parts back into a position.</summary>
    public T? Cursor<T>(string name, int parts, Func<string[], T?> read) where T : class
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (PageCursor.Decode(value, parts) is { } decoded && read(decoded) is { } position)
        {
            return position;
        }

        Problem(name, "Not a cursor this list gave: pass the previous page's next unchanged.");
        return null;
    }

    /// <summary>Notes a problem with a parameter the caller checks itself (e.g. a range whose ends come in order).</summary>
    public void Problem(string name, string message) =>
        _problems[name] = _problems.TryGetValue(name, out var earlier) ? [.. earlier, message] : [message];

    /// <summary>The problems, after noting every parameter the endpoint does not read.</summary>
    public IReadOnlyDictionary<string, string[]> Finish()
    {
        foreach (var name in query.Keys.Where(k => !_known.Contains(k)))
        {
            Problem(EchoedText.Cut(name), $"Not a parameter of this endpoint ({string.Join(", ", _known.Order(StringComparer.Ordinal))}).");
        }

        return _problems;
    }

    private string? Single(string name)
    {
        _known.Add(name);
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            Problem(name, "Given more than once.");
            return null;
        }

        // An empty value is returned as given: a typed reader then refuses it rather than taking it for "not given".
        return values[0] ?? string.Empty;
    }
}
