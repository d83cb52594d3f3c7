using System.Collections.Concurrent;

namespace NhiPlatform.Samples.Echo.Apis;

/// <summary>
/// How many requests this echo replica answered per path, so a caller can check from the backend's side what a
/// gateway let through (and what it did not). Bounded: past <see cref="MaxPaths"/> paths, new ones are not counted.
/// </summary>
internal sealed class ReceivedRequests
{
    public const int MaxPaths = 10_000;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string path)
    {
        if (_counts.Count < MaxPaths || _counts.ContainsKey(path))
        {
            _counts.AddOrUpdate(path, 1, (_, count) => count + 1);
        }
    }

    public int Count(string path) => _counts.GetValueOrDefault(path);
}
