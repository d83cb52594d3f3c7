using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// An identity that authenticates by federation yet still has a usable stored secret nobody has used since its
/// federated credential was set up: the secret is only something to leak, so it can go.
/// </summary>
internal sealed class FederatedSecretUnneededRule : IFindingRule
{
    public const string RuleName = "federated_secret_unneeded";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var live = context.Snapshot.Credentials.Where(c => FederatedCredentials.IsLive(c, context.Now) && c.ClientId is not null).ToLookup(c => c.ClientId!);
        foreach (var identity in context.ActiveIdentities)
        {
            var credentials = live[identity.ClientId].ToList();
            var federatedInUse = credentials.Where(c => c.Kind == FederatedCredentials.FederatedKind && c.LastUsedAt is not null).ToList();
            if (federatedInUse.Count == 0)
            {
                continue;
            }

            var federatedSince = federatedInUse.Min(c => c.CreatedAt ?? context.Now);
            foreach (var secret in credentials.Where(c => c.Kind == FederatedCredentials.SecretKind && (c.LastUsedAt is null || c.LastUsedAt < federatedSince)))
            {
                yield return new DetectedFinding(RuleName, secret.CredentialId, identity.ClientId, FindingSeverity.Medium,
                    $"Identity '{identity.ClientId}' authenticates by federation but still has a stored secret: revoke it",
                    FindingContext.Evidence(("secretLastUsedAt", secret.LastUsedAt), ("federatedSince", federatedSince),
                        ("federatedLastUsedAt", federatedInUse.Max(c => c.LastUsedAt)),
                        ("authenticationMethods", context.CallerOf(identity.ClientId) is { } caller ? string.Join(' ', caller.AuthenticationMethods) : null)));
            }
        }
    }
}
