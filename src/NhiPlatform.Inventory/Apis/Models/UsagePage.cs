namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>Answer of <c>GET /api/inventory/usage</c>: newest first.</summary>
public sealed record UsagePage(IReadOnlyList<UsageItem> Items);
