using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>A live credential whose secret is older than its identity's credential max age (or the default).</summary>
internal sealed class RotationOverdueRule : IFindingRule
{
    public const string RuleName = "rotation_overdue";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var maxAges = context.Snapshot.Identities.ToDictionary(i => i.ClientId, i => i.CredentialMaxAgeDays, StringComparer.Ordinal);
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.RevokedAt is null && !(c.ExpiresAt <= context.Now)))
        {
            var rotatedAt = credential.LastRotatedAt ?? credential.CreatedAt;
            var maxAge = credential.ClientId is { } id && maxAges.GetValueOrDefault(id) is > 0 and var days ? days : context.Options.DefaultRotationDays;
            if (rotatedAt is { } at && at < context.Now.AddDays(-maxAge))
            {
                yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.Medium,
                    $"{CredentialExpiringRule.Describe(credential)} '{credential.Name}' was last rotated {(int)(context.Now - at).TotalDays} days ago (max {maxAge})",
                    FindingContext.Evidence(("lastRotatedAt", at), ("maxAgeDays", maxAge), ("owner", credential.EffectiveOwner)));
            }
        }
    }
}
