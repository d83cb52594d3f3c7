using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Signing;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Handle stage: signs an RFC 9068 JWT access token for an authenticated client.</summary>
internal sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(Identity identity, IReadOnlyList<string> scopes)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var tokenId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var scope = string.Join(' ', scopes);
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = NhiClaims.AccessTokenType,
            Issuer = settings.Issuer.TrimEnd('/'),
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Current.Credentials,
            Claims = new Dictionary<string, object>
            {
                [NhiClaims.Subject] = identity.ClientId,
                [NhiClaims.ClientId] = identity.ClientId,
                [NhiClaims.Scope] = scope,
                [NhiClaims.TokenId] = tokenId,
            },
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), tokenId, scope, expires, (int)settings.AccessTokenLifetime.TotalSeconds);
    }
}
