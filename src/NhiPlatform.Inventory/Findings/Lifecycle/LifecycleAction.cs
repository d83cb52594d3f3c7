namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>One step of the policy: disable this identity (done, or only planned in a dry run or while the policy is off).</summary>
public sealed record LifecycleAction(string ClientId, string Action, string Reason, DateTimeOffset? LastUsedAt, bool Applied, int? Status);
