using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>The authenticated client and how it authenticated (recorded in its token), or the error to answer.</summary>
internal sealed record ClientAuthentication(Identity? Identity, OAuthError? Error, ClientAuthenticationMethod Method = ClientAuthenticationMethod.None, Guid? CredentialId = null)
{
    public static ClientAuthentication Failed(OAuthError error) => new(null, error);
}
