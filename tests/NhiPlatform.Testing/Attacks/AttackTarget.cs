using System.Security.Cryptography;

namespace NhiPlatform.Testing.Attacks;

/// <summary>
/// What a gateway under attack trusts: its issuer and audience, the scope the attacked route needs, and the private
/// halves of the keys it accepts, so a case can forge a token that is valid in every way but one.
/// </summary>
/// <param name="EcKeyId">A trusted EC key's id when the gateway has one; cases that aim an RSA signature at it need only the id.</param>
public sealed record AttackTarget(string Issuer, string Audience, string RouteScope, string RsaKeyId, RSA Rsa, string? EcKeyId = null)
{
    /// <summary>Every case signs with this key when it has to bend a claim of an otherwise valid token.</summary>
    public string Valid(string? scope = null) => Jwt.Rs256(Rsa, Jwt.Header("RS256", RsaKeyId), Jwt.Payload(this, scope));
}
