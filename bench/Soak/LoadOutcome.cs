using System.Collections.Concurrent;

namespace NhiPlatform.Soak;

/// <summary>What the soak's requests got, per kind; the first few wrong answers are kept as evidence.</summary>
internal sealed class LoadOutcome(IReadOnlyList<RequestKind> kinds)
{
    private const int KeptErrors = 20;
    private readonly ConcurrentDictionary<string, KindCounters> _counters = new(kinds.ToDictionary(k => k.Name, _ => new KindCounters()));
    private readonly ConcurrentQueue<string> _errors = new();
    private long _behind;

    public TimeSpan Elapsed { get; set; }

    /// <summary>Requests not sent because too many were in flight: the platform could not keep up with the rate.</summary>
    public long BehindCount => Interlocked.Read(ref _behind);

    public IReadOnlyDictionary<string, KindCounters> Counters => _counters;

    public IReadOnlyCollection<string> Errors => _errors;

    public long Sent => _counters.Values.Sum(c => c.Sent);

    public long Wrong => _counters.Values.Sum(c => c.Wrong + c.Failed);

    public void Behind() => Interlocked.Increment(ref _behind);

    public void Record(RequestKind kind, int status, bool right, TimeSpan latency, string? excerpt)
    {
        var counters = _counters[kind.Name];
        counters.Add(status, right, latency);
        if (!right)
        {
            Keep($"{kind.Name}: {status} {excerpt}");
        }
    }

    public void Fail(RequestKind kind, Exception error)
    {
        _counters[kind.Name].AddFailure();
        Keep($"{kind.Name}: {error.GetType().Name}: {error.Message}");
    }

    private void Keep(string error)
    {
        if (_errors.Count < KeptErrors)
        {
            _errors.Enqueue(error);
        }
    }
}

/// <summary>One kind's counts by status and its latencies (ms).</summary>
internal sealed class KindCounters
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];

    public ConcurrentDictionary<int, long> ByStatus { get; } = new();

    public long Sent { get; private set; }

    public long Wrong { get; private set; }

    public long Failed { get; private set; }

    public void Add(int status, bool right, TimeSpan latency)
    {
        ByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        lock (_gate)
        {
            Sent++;
            Wrong += right ? 0 : 1;
            _latencies.Add(latency.TotalMilliseconds);
        }
    }

    public void AddFailure()
    {
        lock (_gate)
        {
            Sent++;
            Failed++;
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_latencies.Count == 0)
            {
                return 0;
            }

            var sorted = _latencies.Order().ToArray();
            return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        }
    }
}
