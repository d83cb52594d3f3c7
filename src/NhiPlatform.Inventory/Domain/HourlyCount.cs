namespace NhiPlatform.Inventory.Domain;

/// <summary>A caller's calls in one UTC hour.</summary>
internal sealed record HourlyCount(string Caller, DateTimeOffset Hour, long Calls);
