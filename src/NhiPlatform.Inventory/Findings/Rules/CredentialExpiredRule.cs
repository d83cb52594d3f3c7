using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>A credential or certificate past its expiry that is still on record as live (not revoked).</summary>
internal sealed class CredentialExpiredRule : IFindingRule
{
    public const string RuleName = "credential_expired";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.RevokedAt is null && c.ExpiresAt is { } e && e <= context.Now))
        {
            yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.High,
                $"{CredentialExpiringRule.Describe(credential)} '{credential.Name}' expired on {credential.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd}",
                FindingContext.Evidence(("expiresAt", credential.ExpiresAt), ("owner", credential.EffectiveOwner), ("source", credential.Source)));
        }
    }
}
