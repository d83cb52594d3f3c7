namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The webhook's body: <c>{"type":"findings.new","findings":[...]}</c>.</summary>
public sealed record FindingWebhookPayload(string Type, IReadOnlyList<FindingItem> Findings);
