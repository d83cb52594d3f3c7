using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>A live credential or certificate that expires within the warning window.</summary>
internal sealed class CredentialExpiringRule : IFindingRule
{
    public const string RuleName = "credential_expiring";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var horizon = context.Now.AddDays(context.Options.ExpiringWithinDays);
        foreach (var credential in context.Snapshot.Credentials.Where(c => c.RevokedAt is null && c.ExpiresAt is { } e && e > context.Now && e <= horizon))
        {
            yield return new DetectedFinding(RuleName, credential.CredentialId, credential.ClientId, FindingSeverity.Medium,
                $"{Describe(credential)} '{credential.Name}' expires on {credential.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd}",
                FindingContext.Evidence(("expiresAt", credential.ExpiresAt), ("owner", credential.EffectiveOwner), ("source", credential.Source)));
        }
    }

    public static string Describe(CredentialRecord credential) => credential.Source switch
    {
        "x509" => "Certificate",
        "api_key" => "API key",
        _ => "Credential",
    };
}
