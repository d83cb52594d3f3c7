namespace NhiPlatform.Inventory.Domain;

/// <summary>caller → route → service, with first/last seen, calls, denials and the scopes of the tokens used.</summary>
internal sealed record EdgeRecord(
    string Caller, string CallerKind, string RouteId, string Service, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    long Calls, long Denials, IReadOnlyList<string> Scopes);
