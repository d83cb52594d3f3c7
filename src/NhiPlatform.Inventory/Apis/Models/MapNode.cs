namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>A node: <c>identity</c>, <c>unverified</c> (hidden caller), <c>anonymous</c> or <c>service</c>.</summary>
public sealed record MapNode(
    string Id, string Kind, string Label, string? Owner, string? Status, bool Dormant, long Calls, long Denials, DateTimeOffset? LastSeen, int OpenFindings);
