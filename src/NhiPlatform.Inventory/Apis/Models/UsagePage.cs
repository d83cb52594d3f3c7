using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>
/// Answer of <c>GET /api/inventory/usage</c>: the recorded events themselves (the contract type), newest first, and the
/// cursor of the next page (<c>?cursor=</c>), null on the last.
/// </summary>
public sealed record UsagePage(IReadOnlyList<UsageRecordedEvent> Items, string? Next = null);
