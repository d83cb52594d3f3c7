using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>
/// What one batch adds to callers, edges, caller sources and the daily and hourly roll-ups, summed in memory from
/// exactly the events the batch stores (never from replays), so the database applies a few hundred upserts per batch
/// instead of grouping its rows again. Rows come out sorted by key: every writer locks read-model rows in the same
/// order, so concurrent consumers wait for each other but never deadlock.
/// </summary>
internal sealed class UsageReadModelDeltas
{
    private readonly SortedDictionary<string, UsageDelta> _callers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<(string Caller, string RouteId, string Service), UsageDelta> _edges = new(TupleOrder.Instance);
    private readonly SortedDictionary<(string Caller, string SourceAddress), UsageDelta> _sources = new(TupleOrder.Instance);
    private readonly SortedDictionary<(DateOnly Day, string Caller, string RouteId, string Service), UsageDelta> _daily = new(TupleOrder.Instance);
    private readonly SortedDictionary<(string Caller, DateTime Hour), UsageDelta> _hourly = new(TupleOrder.Instance);
    private readonly SortedDictionary<string, SortedSet<string>> _methods = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, DateTimeOffset> _credentialUses = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, UsageDelta> Callers => _callers;

    public IReadOnlyDictionary<(string Caller, string RouteId, string Service), UsageDelta> Edges => _edges;

    public IReadOnlyDictionary<(string Caller, string SourceAddress), UsageDelta> Sources => _sources;

    public IReadOnlyDictionary<(DateOnly Day, string Caller, string RouteId, string Service), UsageDelta> Daily => _daily;

    public IReadOnlyDictionary<(string Caller, DateTime Hour), UsageDelta> Hourly => _hourly;

    /// <summary>Per caller, how it authenticated for the tokens it used (allowed requests only).</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> AuthenticationMethods => _methods;

    /// <summary>Per token-service credential id, its latest use at the gateway (allowed requests only).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CredentialUses => _credentialUses;

    public static UsageReadModelDeltas From(IEnumerable<UsageRecordedEvent> stored)
    {
        var deltas = new UsageReadModelDeltas();
        foreach (var usage in stored)
        {
            deltas.Add(usage);
        }

        return deltas;
    }

    private void Add(UsageRecordedEvent usage)
    {
        var (caller, kind) = UsageCaller.Of(usage);
        var at = usage.OccurredAt.ToUniversalTime();
        var denied = usage.Decision == UsageDecisions.Denied ? 1 : 0;
        var routeId = usage.RouteId ?? "";
        var service = usage.Destination ?? "";

        Get(_callers, caller, () => new UsageDelta()).Add(kind, at, denied);
        var edge = Get(_edges, (caller, routeId, service), () => new UsageDelta());
        edge.Add(kind, at, denied);
        if (usage.Decision == UsageDecisions.Allowed && usage.Scopes is not null)
        {
            edge.AddScopes(usage.Scopes);
        }

        if (usage.Decision == UsageDecisions.Allowed && usage.ClientId is not null && usage.AuthenticationMethod is { } method)
        {
            Get(_methods, caller, () => new SortedSet<string>(StringComparer.Ordinal)).Add(method);
        }

        if (usage.Decision == UsageDecisions.Allowed && usage.CredentialId is { } credentialId)
        {
            _credentialUses[credentialId] = _credentialUses.TryGetValue(credentialId, out var last) && last > at ? last : at;
        }

        if (usage.SourceAddress is not null)
        {
            Get(_sources, (caller, usage.SourceAddress), () => new UsageDelta()).Add(kind, at, denied);
        }

        Get(_daily, (DateOnly.FromDateTime(at.UtcDateTime), caller, routeId, service), () => new UsageDelta()).Add(kind, at, denied);
        var hour = new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);
        Get(_hourly, (caller, hour), () => new UsageDelta()).Add(kind, at, denied);
    }

    private static TValue Get<TKey, TValue>(SortedDictionary<TKey, TValue> map, TKey key, Func<TValue> create) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = create();
            map.Add(key, value);
        }

        return value;
    }

    /// <summary>Ordinal order on strings inside keys (the default comparer of a tuple would use the culture).</summary>
    private sealed class TupleOrder :
        IComparer<(string, string, string)>, IComparer<(string, string)>, IComparer<(DateOnly, string, string, string)>, IComparer<(string, DateTime)>
    {
        public static readonly TupleOrder Instance = new();

        public int Compare((string, string, string) x, (string, string, string) y) => Chain(
            string.CompareOrdinal(x.Item1, y.Item1), string.CompareOrdinal(x.Item2, y.Item2), string.CompareOrdinal(x.Item3, y.Item3));

        public int Compare((string, string) x, (string, string) y) =>
            Chain(string.CompareOrdinal(x.Item1, y.Item1), string.CompareOrdinal(x.Item2, y.Item2), 0);

        public int Compare((DateOnly, string, string, string) x, (DateOnly, string, string, string) y) => Chain(
            x.Item1.CompareTo(y.Item1), string.CompareOrdinal(x.Item2, y.Item2), Chain(string.CompareOrdinal(x.Item3, y.Item3), string.CompareOrdinal(x.Item4, y.Item4), 0));

        public int Compare((string, DateTime) x, (string, DateTime) y) => Chain(string.CompareOrdinal(x.Item1, y.Item1), x.Item2.CompareTo(y.Item2), 0);

        private static int Chain(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;
    }
}
