using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>A disabled or deleted identity that called after it was switched off (old tokens, or a revocation gap).</summary>
internal sealed class InactiveIdentityCallingRule : IFindingRule
{
    public const string RuleName = "inactive_identity_calling";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var identity in context.Snapshot.Identities.Where(i => i.Status != "active"))
        {
            if (context.CallerOf(identity.ClientId) is { } caller && caller.LastSeen > identity.StatusChangedAt)
            {
                yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.High,
                    $"Identity '{identity.ClientId}' is {identity.Status} but still calls",
                    FindingContext.Evidence(("status", identity.Status), ("statusChangedAt", identity.StatusChangedAt), ("lastSeen", caller.LastSeen)));
            }
        }
    }
}
