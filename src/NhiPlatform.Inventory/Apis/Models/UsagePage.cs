using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>Answer of <c>GET /api/inventory/usage</c>: the recorded events themselves (the contract type), newest first.</summary>
public sealed record UsagePage(IReadOnlyList<UsageRecordedEvent> Items);
