namespace NhiPlatform.TokenService.Protocol;

/// <summary>Error codes of the token endpoint (RFC 6749 §5.2, RFC 8707 §2).</summary>
internal static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";
    public const string InvalidTarget = "invalid_target";
    public const string ServerError = "server_error";
}
