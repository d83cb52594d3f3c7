using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// How DPoP proofs are checked (<c>Nhi:Tokens:DPoP</c> at the token service, <c>Nhi:Gateway:DPoP</c> at the gateway).
/// A proof is accepted from <c>iat - ClockSkew</c> to <c>iat + MaxAge</c>; its <c>jti</c> is remembered (Redis) that long.
/// </summary>
public sealed class DPoPOptions
{
    public const string SectionName = "DPoP";

    /// <summary>How old a proof may be (RFC 9449 §11.1: a short window limits pre-generated proofs).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far in the future a proof's <c>iat</c> may be (the client's clock running ahead).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every proof must carry a nonce this server issued (§8, §9); a proof without one is answered <c>use_dpop_nonce</c>.</summary>
    public bool RequireNonce { get; set; }

    /// <summary>A nonce is valid in the step it was issued and the next one, so for one to two steps.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan NonceStep { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a <c>jti</c> is remembered: as long as its proof could be accepted.</summary>
    public TimeSpan ReplayWindow => MaxAge + ClockSkew;
}
