using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// A federated credential whose subject names no single workload: a Kubernetes namespace's <c>default</c> service
/// account (every pod without its own account runs as it), or a GitHub Actions subject without a repository
/// (a customised subject such as <c>repository_owner:contoso</c> matches every repository of the organisation).
/// </summary>
internal sealed class FederatedSubjectTooBroadRule : IFindingRule
{
    public const string RuleName = "federated_subject_too_broad";
    public const string GitHubActionsIssuer = "https://token.actions.githubusercontent.com";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.Kind == FederatedCredentials.FederatedKind && FederatedCredentials.IsLive(c, context.Now)))
        {
            if (Why(credential.Issuer, credential.Subject) is { } why)
            {
                yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.Medium,
                    $"Federated credential '{credential.Hint}' trusts more than one workload: {why}",
                    FindingContext.Evidence(("issuer", credential.Issuer), ("subject", credential.Subject)));
            }
        }
    }

    public static string? Why(string? issuer, string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        var parts = subject.Split(':');
        if (parts is ["system", "serviceaccount", _, "default"])
        {
            return "the namespace's default service account";
        }

        return issuer?.TrimEnd('/') == GitHubActionsIssuer && !(subject.StartsWith("repo:", StringComparison.Ordinal) && subject.Contains('/', StringComparison.Ordinal))
            ? "a GitHub Actions subject without a repository"
            : null;
    }
}
