namespace NhiPlatform.Inventory.Apis.Models;

public sealed record MapEdge(string Source, string Target, long Calls, long Denials, IReadOnlyList<string> Routes, DateTimeOffset LastSeen);
