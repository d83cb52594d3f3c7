namespace NhiPlatform.Inventory.Domain;

/// <summary>A row's place in the ledger's order (newest first; the event id breaks ties of one instant).</summary>
internal sealed record UsagePosition(DateTimeOffset OccurredAt, Guid EventId);
