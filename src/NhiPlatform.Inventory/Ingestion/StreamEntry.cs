namespace NhiPlatform.Inventory.Ingestion;

/// <summary>One entry read from a stream: its id and fields, independent of the Redis client's types.</summary>
internal sealed record StreamEntry(string Id, IReadOnlyDictionary<string, string> Fields);
