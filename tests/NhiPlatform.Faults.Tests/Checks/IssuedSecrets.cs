using System.Collections.Concurrent;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>Every secret, token and credential header value the suite handled: none may appear in any log line.</summary>
internal sealed class IssuedSecrets
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Value, and what it is (for the failure message; the value itself is never printed).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public void Add(string value, string description) => _values.TryAdd(value, description);
}
