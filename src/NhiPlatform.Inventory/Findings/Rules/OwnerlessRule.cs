using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An identity without an owner, or an imported credential tied to no owner.</summary>
internal sealed class OwnerlessRule : IFindingRule
{
    public const string RuleName = "ownerless";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var identity in context.ActiveIdentities.Where(i => string.IsNullOrWhiteSpace(i.Owner)))
        {
            yield return new DetectedFinding(RuleName, identity.ClientId, identity.ClientId, FindingSeverity.High,
                $"Identity '{identity.ClientId}' has no owner", FindingContext.Evidence(("clientId", identity.ClientId)));
        }

        foreach (var credential in context.Snapshot.Credentials.Where(c => c.RevokedAt is null && c.Source != "tokens" && string.IsNullOrWhiteSpace(c.EffectiveOwner)))
        {
            yield return new DetectedFinding(RuleName, credential.CredentialId, null, FindingSeverity.High,
                $"{CredentialExpiringRule.Describe(credential)} '{credential.Name}' has no owner",
                FindingContext.Evidence(("system", credential.System), ("subject", credential.Subject), ("fingerprint", credential.Fingerprint)));
        }
    }
}
