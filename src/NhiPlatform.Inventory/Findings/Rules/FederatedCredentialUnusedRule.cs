using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// A federated credential never used once it is <see cref="FindingsOptions.UnusedFederatedCredentialAfterDays"/> old:
/// trust in an external issuer that no workload needs is an open door (a typo in the subject, a workload gone).
/// </summary>
internal sealed class FederatedCredentialUnusedRule : IFindingRule
{
    public const string RuleName = "federated_credential_unused";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var cutoff = context.Now.AddDays(-context.Options.UnusedFederatedCredentialAfterDays);
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.Kind == FederatedCredentials.FederatedKind && FederatedCredentials.IsLive(c, context.Now)))
        {
            if (credential.LastUsedAt is null && credential.CreatedAt < cutoff)
            {
                yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.Low,
                    $"Federated credential '{credential.Hint}' has never been used in {context.Options.UnusedFederatedCredentialAfterDays} days",
                    FindingContext.Evidence(("issuer", credential.Issuer), ("subject", credential.Subject), ("createdAt", credential.CreatedAt)));
            }
        }
    }
}
