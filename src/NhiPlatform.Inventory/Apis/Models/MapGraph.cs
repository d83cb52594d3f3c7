namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The map: callers and services as nodes, caller → service edges summed over routes.</summary>
public sealed record MapGraph(IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges, DateTimeOffset GeneratedAt);
