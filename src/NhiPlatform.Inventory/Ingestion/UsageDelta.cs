namespace NhiPlatform.Inventory.Ingestion;

/// <summary>One read-model row's share of a batch: first and last call, counts, and the scopes used (edges only).</summary>
internal sealed class UsageDelta
{
    private SortedSet<string>? _scopes;

    /// <summary>The smallest caller kind seen (ordinal), as <c>min(caller_kind)</c> would pick.</summary>
    public string Kind { get; private set; } = "";

    public DateTimeOffset FirstSeen { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

    public long Calls { get; private set; }

    public long Denials { get; private set; }

    /// <summary>Distinct scopes of allowed calls, space separated, in ordinal order; empty when none.</summary>
    public string Scopes => _scopes is null ? "" : string.Join(' ', _scopes);

    public void Add(string kind, DateTimeOffset at, int denied)
    {
        if (Calls == 0 || string.CompareOrdinal(kind, Kind) < 0)
        {
            Kind = kind;
        }

        FirstSeen = at < FirstSeen ? at : FirstSeen;
        LastSeen = at > LastSeen ? at : LastSeen;
        Calls++;
        Denials += denied;
    }

    /// <summary>A token's scopes, split on single spaces as <c>string_to_array(scopes, ' ')</c> does; empty parts dropped.</summary>
    public void AddScopes(string scopes)
    {
        foreach (var scope in scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            (_scopes ??= new SortedSet<string>(StringComparer.Ordinal)).Add(scope);
        }
    }
}
