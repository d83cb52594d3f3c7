namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>What the run saw: requests sent, the ones the client refused to build, and the first of each kind of failure.</summary>
internal sealed class FuzzOutcome
{
    private readonly Lock _gate = new();
    private int _sent;
    private int _refusedByClient;
    private int _refusedBeforeBody;

    public int Sent => Volatile.Read(ref _sent);
    public int RefusedByClient => Volatile.Read(ref _refusedByClient);
    public int RefusedBeforeBody => Volatile.Read(ref _refusedBeforeBody);
    public Dictionary<int, int> StatusCounts { get; } = [];
    public List<string> ServerErrors { get; } = [];
    public List<string> TransportErrors { get; } = [];

    /// <summary>Counts a sent request; false once <paramref name="target"/> requests have been sent.</summary>
    public bool TryStartOne(int target) => Interlocked.Increment(ref _sent) <= target;

    public void RefusedOne() => Interlocked.Increment(ref _refusedByClient);

    /// <summary>A request whose connection broke while its body was written, answered with a 4xx when sent again with <c>Expect: 100-continue</c>.</summary>
    public void RefusedBeforeItsBody() => Interlocked.Increment(ref _refusedBeforeBody);

    public void Answered(int status, Func<string> describe)
    {
        lock (_gate)
        {
            StatusCounts[status] = StatusCounts.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                ServerErrors.Add(describe());
            }
        }
    }

    public void Failed(string description)
    {
        lock (_gate)
        {
            TransportErrors.Add(description);
        }
    }
}
