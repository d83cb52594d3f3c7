using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Federation;

/// <summary>The outcome of a federated assertion: the identity and the credential that matched, or the failure's description.</summary>
internal sealed record FederatedAuthentication(Identity? Identity, FederatedCredential? Credential, string? Failure)
{
    public static FederatedAuthentication Failed(string failure) => new(null, null, failure);
}
