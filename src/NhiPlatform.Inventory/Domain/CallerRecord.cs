namespace NhiPlatform.Inventory.Domain;

/// <summary>A caller seen by the gateway: a client id, an unverified <c>subject@issuer</c>, or <c>anonymous</c>.</summary>
internal sealed record CallerRecord(string Caller, string CallerKind, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Calls, long Denials);
