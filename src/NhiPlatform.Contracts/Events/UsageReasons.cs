namespace NhiPlatform.Contracts.Events;

/// <summary>Values of <see cref="UsageRecordedEvent.Reason"/>.</summary>
public static class UsageReasons
{
    public const string MissingToken = "missing_token";
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";
    public const string Revoked = "revoked";
    public const string NoRoute = "no_route";
    public const string RateLimited = "rate_limited";
    public const string UpstreamError = "upstream_error";

    /// <summary>RFC 9449: the DPoP proof was missing, invalid, replayed or for another request or key.</summary>
    public const string InvalidDPoPProof = "invalid_dpop_proof";

    /// <summary>RFC 9449 §9: the proof lacked a fresh server nonce (the caller is told one and retries).</summary>
    public const string UseDPoPNonce = "use_dpop_nonce";

    /// <summary>A DPoP-bound token presented as a bearer token (RFC 9449 §7.2), or a bearer token under the DPoP scheme.</summary>
    public const string DPoPSchemeMismatch = "dpop_scheme_mismatch";

    /// <summary>The proof could not be checked for replay (Redis down): refused, fail closed.</summary>
    public const string DPoPUnavailable = "dpop_unavailable";
}
