using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Signing;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Reads an access token this service issued: signature by a published key, issuer, type and lifetime (with the
/// injected clock). Null for anything else, without saying why to the caller.
/// </summary>
internal sealed class AccessTokenReader(SigningKeyRing keys, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<JsonWebToken?> ReadAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192 || !_handler.CanReadToken(token))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Issuer.TrimEnd('/'),
            ValidateAudience = false,
            IssuerSigningKeys = keys.Published.Select(k => (SecurityKey)k.PrivateKey),
            ValidTypes = [NhiClaims.AccessTokenType],
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > now && (notBefore is null || notBefore <= now.AddSeconds(30)),
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }
}
