namespace NhiPlatform.TokenValidation;

/// <summary>
/// Why a presented token was refused, with what it claimed to be (unverified, for spotting hidden callers).
/// Set on the request's features by the bearer handler; read by usage capture.
/// </summary>
public sealed class AccessTokenFailureFeature
{
    public required string Reason { get; init; }
    public string? UnverifiedIssuer { get; init; }
    public string? UnverifiedSubject { get; init; }

    /// <summary>Set when the refusal is about DPoP (RFC 9449 §7.1): answered with a <c>DPoP</c> challenge, its code and nonce.</summary>
    public DPoP.DPoPProofResult? DPoP { get; init; }
}
