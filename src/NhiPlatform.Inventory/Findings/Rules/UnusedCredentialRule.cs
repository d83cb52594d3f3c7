using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>A live secret or key not used in N days (or never, once it is N days old); federated credentials have their own rule.</summary>
internal sealed class UnusedCredentialRule : IFindingRule
{
    public const string RuleName = "unused_credential";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var cutoff = context.Now.AddDays(-context.Options.UnusedCredentialAfterDays);
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.RevokedAt is null && c.Source == "tokens" && c.Kind != FederatedCredentials.FederatedKind))
        {
            if ((credential.LastUsedAt ?? credential.CreatedAt ?? context.Now) < cutoff && !(credential.ExpiresAt <= context.Now))
            {
                yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.Low,
                    $"Credential '{credential.Name}' has not been used in {context.Options.UnusedCredentialAfterDays} days",
                    FindingContext.Evidence(("lastUsedAt", credential.LastUsedAt), ("createdAt", credential.CreatedAt), ("kind", credential.Kind)));
            }
        }
    }
}
