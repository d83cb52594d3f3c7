using Microsoft.IdentityModel.JsonWebTokens;

namespace NhiPlatform.TokenValidation;

/// <summary>
/// Optional: when registered, every token that passed validation is also checked against it (the gateway registers
/// one fed by the token service's revocations). Called on the request path, so it must answer from memory.
/// </summary>
public interface IAccessTokenRevocationCheck
{
    /// <summary>True when <paramref name="token"/> (already validated) must be refused as revoked.</summary>
    bool IsRevoked(JsonWebToken token);
}
