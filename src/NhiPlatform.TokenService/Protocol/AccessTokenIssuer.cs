using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Signing;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Handle stage: signs an RFC 9068 JWT access token with the current signing key.</summary>
internal sealed class AccessTokenIssuer(SigningKeyRing keys, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    public const string ActClaim = "act";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(AccessTokenSpec spec)
    {
        // Whole seconds: iat/nbf/exp are NumericDate seconds, and revocation cut-offs compare against iat.
        var now = DateTimeOffset.FromUnixTimeSeconds(timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + spec.Lifetime;
        var tokenId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var scope = string.Join(' ', spec.Scopes);
        var claims = new Dictionary<string, object>
        {
            [NhiClaims.Subject] = spec.Subject,
            [NhiClaims.ClientId] = spec.ClientId,
            [NhiClaims.Scope] = scope,
            [NhiClaims.TokenId] = tokenId,
        };
        if (spec.Actor is not null)
        {
            claims[ActClaim] = spec.Actor;
        }

        if (spec.Thumbprint is not null)
        {
            claims[DPoPConstants.ConfirmationClaim] = new Dictionary<string, object> { [DPoPConstants.ThumbprintMember] = spec.Thumbprint };
        }

        if (spec.ExchangedFrom is { Count: > 0 } exchangedFrom)
        {
            claims[NhiClaims.ExchangedFrom] = exchangedFrom;
        }

        if (spec.AuthenticatedWith is not null)
        {
            claims[NhiClaims.AuthenticationMethod] = spec.AuthenticatedWith;
        }

        if (spec.CredentialId is { } credentialId)
        {
            claims[NhiClaims.CredentialId] = credentialId.ToString();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = NhiClaims.AccessTokenType,
            Issuer = options.Value.Issuer.TrimEnd('/'),
            Audience = spec.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Current.Credentials,
            Claims = claims,
        };
        return new IssuedAccessToken(_handler.CreateToken(descriptor), tokenId, scope, expires, (int)spec.Lifetime.TotalSeconds);
    }
}
