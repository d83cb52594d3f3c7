using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An identity nobody can explain: no purpose, or no tags.</summary>
internal sealed class MissingPurposeOrTagsRule : IFindingRule
{
    public const string RuleName = "missing_purpose_or_tags";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var identity in context.ActiveIdentities)
        {
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(identity.Purpose))
            {
                missing.Add("purpose");
            }

            if (identity.Tags.Count == 0)
            {
                missing.Add("tags");
            }

            if (missing.Count > 0)
            {
                yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.Low,
                    $"Identity '{identity.ClientId}' has no {string.Join(" and no ", missing)}",
                    FindingContext.Evidence(("missing", string.Join(' ', missing)), ("owner", identity.Owner)));
            }
        }
    }
}
