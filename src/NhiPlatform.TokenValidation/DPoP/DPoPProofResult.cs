namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>The outcome of checking a proof: the proof, or an RFC 9449 error with a generic description (and a nonce to retry with).</summary>
public sealed record DPoPProofResult
{
    public DPoPProof? Proof { get; init; }

    /// <summary><see cref="DPoPConstants.InvalidDPoPProof"/> or <see cref="DPoPConstants.UseDPoPNonce"/>; null when valid or unavailable.</summary>
    public string? Error { get; init; }

    public string? Description { get; init; }

    /// <summary>A fresh nonce for the <c>DPoP-Nonce</c> header of a <c>use_dpop_nonce</c> answer.</summary>
    public string? Nonce { get; init; }

    /// <summary>
    /// The replay store (Redis) could not be asked: the proof is refused (fail closed), since accepting it unchecked would
    /// let a captured proof be replayed for as long as the store is down.
    /// </summary>
    public bool Unavailable { get; init; }

    public const string UnavailableDescription =
        "DPoP replay protection is unavailable; DPoP requests are refused (fail closed) until it is back. Retry shortly.";

    public bool IsValid => Proof is not null && Error is null && !Unavailable;

    public static DPoPProofResult Invalid(string description) => new() { Error = DPoPConstants.InvalidDPoPProof, Description = description };
}
