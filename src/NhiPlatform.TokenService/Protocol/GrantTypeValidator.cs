namespace NhiPlatform.TokenService.Protocol;

/// <summary>Validate stage: the grant type is present (RFC 6749 §4.4.2) and one we support (§5.2).</summary>
internal static class GrantTypeValidator
{
    public const string ClientCredentials = "client_credentials";

    public static OAuthError? Validate(TokenRequest request) => request.GrantType switch
    {
        null => OAuthError.InvalidRequest("The grant_type parameter is required."),
        ClientCredentials => null,
        _ => new OAuthError(OAuthErrors.UnsupportedGrantType, "The grant type is not supported."),
    };
}
