namespace NhiPlatform.TokenService.Protocol;

/// <summary>Error codes of the token endpoint (RFC 6749 §5.2, RFC 8707 §2, RFC 7009 §2.2.1).</summary>
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

    /// <summary>RFC 9449 §5: the DPoP proof is missing (where required), invalid or replayed.</summary>
    public const string InvalidDPoPProof = "invalid_dpop_proof";

    /// <summary>RFC 9449 §8: retry with the nonce in the <c>DPoP-Nonce</c> header.</summary>
    public const string UseDPoPNonce = "use_dpop_nonce";

    /// <summary>RFC 6749 §4.1.2.1's code, here for a DPoP proof that cannot be checked for replay (503, fail closed).</summary>
    public const string TemporarilyUnavailable = "temporarily_unavailable";

    /// <summary>RFC 7009 §2.2.1.</summary>
    public const string UnsupportedTokenType = "unsupported_token_type";

    /// <summary>Body code of a 429 (not an RFC 6749 code; the status and Retry-After carry the meaning).</summary>
    public const string TooManyRequests = "slow_down";
}
