namespace NhiPlatform.Inventory.Domain;

/// <summary>A caller seen by the gateway: a client id, an unverified caller by its source (<see cref="UnverifiedCallers"/>), or <c>anonymous</c>.</summary>
internal sealed record CallerRecord(string Caller, string CallerKind, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Calls, long Denials)
{
    /// <summary>How the caller authenticated for the tokens it used (<c>NhiAuthenticationMethods</c>), sorted.</summary>
    public IReadOnlyList<string> AuthenticationMethods { get; init; } = [];
}
