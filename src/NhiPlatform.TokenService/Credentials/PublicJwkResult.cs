using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Credentials;

/// <summary>A registered key after its checks: the normalised public key, or the member at fault and why.</summary>
internal sealed record PublicJwkResult(JsonWebKey? Key, string? Member, string? Error)
{
    public static PublicJwkResult Ok(JsonWebKey key) => new(key, null, null);

    /// <summary><paramref name="member"/> is the JWK member (<c>jwk.n</c>), or <c>jwk</c> for the key as a whole.</summary>
    public static PublicJwkResult Fail(string member, string error) => new(null, member, error);
}
