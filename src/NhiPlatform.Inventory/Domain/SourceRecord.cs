namespace NhiPlatform.Inventory.Domain;

/// <summary>A source address a caller used.</summary>
internal sealed record SourceRecord(string Caller, string SourceAddress, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long Calls);
