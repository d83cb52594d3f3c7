using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation;

/// <summary>The validation rules of an NhiPlatform access token (README.md), in one testable place.</summary>
public static class AccessTokenValidationParameters
{
    public static TokenValidationParameters Create(string issuer, string audience) => new()
    {
        ValidIssuer = issuer.TrimEnd('/'),
        ValidAudience = audience,
        ValidTypes = [NhiClaims.AccessTokenType],
        ValidAlgorithms = AccessTokenDefaults.Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        // Only keys from the token service's JWKS: a token's own jku/x5u/jwk headers are never followed.
        TryAllIssuerSigningKeys = false,
        ClockSkew = AccessTokenDefaults.ClockSkew,
        NameClaimType = NhiClaims.ClientId,
    };
}
