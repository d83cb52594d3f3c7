using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An active identity with no call in the dormant window (or none ever, once it is older than the window).</summary>
internal sealed class DormantIdentityRule : IFindingRule
{
    public const string RuleName = "dormant_identity";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var window = context.Options.DormantWindow;
        var cutoff = context.Now - window;
        foreach (var identity in context.ActiveIdentities)
        {
            var lastUsed = context.CallerOf(identity.ClientId)?.LastSeen;
            if ((lastUsed ?? identity.CreatedAt) < cutoff)
            {
                yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.Medium,
                    $"Identity '{identity.ClientId}' has not called anything in {FindingWindowText.Describe(window)}",
                    FindingContext.Evidence(("lastUsedAt", lastUsed), ("createdAt", identity.CreatedAt), ("owner", identity.Owner)));
            }
        }
    }
}
