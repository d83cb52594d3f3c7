using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An active identity with no call in N days (or none ever, once it is N days old).</summary>
internal sealed class DormantIdentityRule : IFindingRule
{
    public const string RuleName = "dormant_identity";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var cutoff = context.Now.AddDays(-context.Options.DormantAfterDays);
        foreach (var identity in context.ActiveIdentities)
        {
            var lastUsed = context.CallerOf(identity.ClientId)?.LastSeen;
            if ((lastUsed ?? identity.CreatedAt) < cutoff)
            {
                yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.Medium,
                    $"Identity '{identity.ClientId}' has not called anything in {context.Options.DormantAfterDays} days",
                    FindingContext.Evidence(("lastUsedAt", lastUsed), ("createdAt", identity.CreatedAt), ("owner", identity.Owner)));
            }
        }
    }
}
