using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// The JwtBearer token handler with <see cref="ValidatedTokenCache"/> in front: a token seen valid before, with the
/// same signing keys, is not parsed and verified again. Every other token (new, changed by a single character,
/// invalid, or checked against keys since refreshed) takes the full validation of <see cref="JsonWebTokenHandler"/>;
/// failures are never cached. A token signed with a key not held yet waits for <see cref="UnknownKeyRefresh"/>.
/// </summary>
internal sealed class CachingJsonWebTokenHandler(ValidatedTokenCache cache, UnknownKeyRefresh unknownKeyRefresh) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        // The key set is read before validating: if keys rotate during validation, the entry is stored under the older
        // set and the next request validates in full again (never the other way round).
        var keys = string.IsNullOrEmpty(token) ? null : await CurrentKeysAsync(validationParameters);
        if (keys is not null && cache.TryGet(token, keys, out var cached, out var identity))
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = cached,
                ClaimsIdentity = identity,
                Issuer = cached.Issuer,
                TokenType = cached.Typ,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && validationParameters.ConfigurationManager is { } configurationManager
            && await unknownKeyRefresh.RefreshAsync(configurationManager, keys))
        {
            keys = await CurrentKeysAsync(validationParameters);
            result = await base.ValidateTokenAsync(token, validationParameters);
        }

        if (keys is not null && result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            cache.Add(token, keys, validated, result.ClaimsIdentity);
        }

        return result;
    }

    private static ValueTask<object?> CurrentKeysAsync(TokenValidationParameters validationParameters) =>
        SigningKeySet.CurrentAsync(validationParameters.ConfigurationManager, validationParameters);
}
