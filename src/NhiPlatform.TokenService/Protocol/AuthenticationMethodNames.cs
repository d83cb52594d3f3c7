using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>The <see cref="NhiClaims.AuthenticationMethod"/> value of each <see cref="ClientAuthenticationMethod"/>.</summary>
internal static class AuthenticationMethodNames
{
    public static string? Of(ClientAuthenticationMethod method) => method switch
    {
        ClientAuthenticationMethod.ClientSecretBasic => NhiAuthenticationMethods.ClientSecretBasic,
        ClientAuthenticationMethod.ClientSecretPost => NhiAuthenticationMethods.ClientSecretPost,
        ClientAuthenticationMethod.PrivateKeyJwt => NhiAuthenticationMethods.PrivateKeyJwt,
        ClientAuthenticationMethod.Federated => NhiAuthenticationMethods.Federated,
        _ => null,
    };
}
