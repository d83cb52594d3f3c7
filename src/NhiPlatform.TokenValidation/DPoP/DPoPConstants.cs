namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>Names and codes of RFC 9449 (DPoP) shared by the token service, the gateway and the client.</summary>
public static class DPoPConstants
{
    /// <summary>The request header carrying the proof, and the authorization scheme of a bound token (§4.1, §7.1).</summary>
    public const string HeaderName = "DPoP";
    public const string Scheme = "DPoP";

    /// <summary>The server-nonce response header (§8, §9).</summary>
    public const string NonceHeaderName = "DPoP-Nonce";

    /// <summary><c>token_type</c> of a bound token (§5).</summary>
    public const string TokenType = "DPoP";

    /// <summary>The proof's JOSE <c>typ</c> (§4.2).</summary>
    public const string ProofType = "dpop+jwt";

    /// <summary>§5, §7.1: the proof is missing, malformed or does not match.</summary>
    public const string InvalidDPoPProof = "invalid_dpop_proof";

    /// <summary>§8, §9: retry with the nonce given in <see cref="NonceHeaderName"/>.</summary>
    public const string UseDPoPNonce = "use_dpop_nonce";

    /// <summary>RFC 7800 confirmation claim and its RFC 9449 §6.1 member (the RFC 7638 thumbprint of the proof key).</summary>
    public const string ConfirmationClaim = "cnf";
    public const string ThumbprintMember = "jkt";

    /// <summary>Proof signature algorithms accepted (asymmetric only, §4.3 item 5); advertised as <c>dpop_signing_alg_values_supported</c>.</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["ES256", "ES384", "ES512", "PS256", "RS256"];

    /// <summary>The <c>algs</c> parameter of a <c>WWW-Authenticate: DPoP</c> challenge (§7.1).</summary>
    public static string AlgorithmsParameter => string.Join(' ', Algorithms);
}
