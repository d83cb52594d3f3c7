namespace NhiPlatform.TokenService.Domain;

/// <summary>An identity with all its credentials: what the token endpoint and the admin API work from.</summary>
internal sealed record IdentityRecord(Identity Identity, IReadOnlyList<ClientSecret> Secrets, IReadOnlyList<ClientPublicKey> PublicKeys)
{
    /// <summary>External issuers' tokens this identity accepts as its credential (federation).</summary>
    public IReadOnlyList<FederatedCredential> FederatedCredentials { get; init; } = [];
}
