namespace NhiPlatform.TokenService.Protocol;

/// <summary>Validate stage: the grant type is present (RFC 6749 §4.4.2) and one we support (§5.2).</summary>
internal static class GrantTypeValidator
{
    public const string ClientCredentials = "client_credentials";

    /// <summary>RFC 8693 §2.1.</summary>
    public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";

    public static OAuthError? Validate(TokenRequest request) => request.GrantType switch
    {
        null => OAuthError.InvalidRequest("The grant_type parameter is required."),
        ClientCredentials or TokenExchange => null,
        _ => new OAuthError(OAuthErrors.UnsupportedGrantType, "The grant type is not supported."),
    };
}
