using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>The token service's credential kinds the federation rules look at (<c>CredentialSnapshot.Kind</c>).</summary>
internal static class FederatedCredentials
{
    public const string FederatedKind = "federated";
    public const string SecretKind = "client_secret";

    public static bool IsLive(CredentialRecord credential, DateTimeOffset now) =>
        credential.Source == "tokens" && credential.RevokedAt is null && !(credential.ExpiresAt <= now);
}
