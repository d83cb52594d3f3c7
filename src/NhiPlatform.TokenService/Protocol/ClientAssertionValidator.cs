using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// private_key_jwt (RFC 7523 §3, OpenID Connect Core §9): iss = sub = client id, aud = the token endpoint, the
/// endpoint called or the issuer, a short exp, signed by a registered usable key, jti used once across replicas.
/// </summary>
internal sealed class ClientAssertionValidator(
    IdentityCache cache, IAssertionReplayCache replays, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    /// <summary>Assertions may live at most this long from now: "short exp".</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<(Identity? Identity, Guid CredentialId, string? Reason)> ValidateAsync(TokenRequest request, string endpoint, CancellationToken cancellationToken)
    {
        JsonWebToken assertion;
        try
        {
            assertion = new JsonWebToken(request.ClientAssertion);
        }
        catch (ArgumentException)
        {
            return (null, default, "malformed assertion");
        }

        var clientId = assertion.Issuer;
        if (string.IsNullOrEmpty(clientId) || assertion.Subject != clientId || (request.ClientId is not null && request.ClientId != clientId))
        {
            return (null, default, "assertion iss, sub and client_id differ");
        }

        var now = timeProvider.GetUtcNow();
        var record = await cache.GetAsync(clientId, cancellationToken);
        if (record is null || !record.Identity.CanAuthenticateAt(now))
        {
            return (null, default, "unknown, inactive or expired client");
        }

        var keys = record.PublicKeys.Where(k => k.IsUsableAt(now)).ToList();
        if (keys.Count == 0)
        {
            return (null, default, "no usable public key");
        }

        var issuer = options.Value.Issuer.TrimEnd('/');
        var result = await _handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = clientId,
            ValidAudiences = [options.Value.TokenEndpoint.ToString(), issuer, issuer + endpoint],
            IssuerSigningKeys = keys.Select(k => (SecurityKey)new JsonWebKey(k.Jwk)),
            ValidAlgorithms = ClientKeyAlgorithms.All,
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > now.UtcDateTime - ClockSkew && exp <= now.UtcDateTime + MaxLifetime
                && (notBefore is null || notBefore <= now.UtcDateTime + ClockSkew),
            TryAllIssuerSigningKeys = true,
        });
        if (!result.IsValid)
        {
            return (null, default, $"assertion invalid ({result.Exception?.GetType().Name})");
        }

        if (string.IsNullOrEmpty(assertion.Id))
        {
            return (null, default, "assertion without jti");
        }

        if (!await replays.TryUseAsync(clientId, assertion.Id, assertion.ValidTo, cancellationToken))
        {
            return (null, default, $"assertion {assertion.Id} replayed");
        }

        var signingKey = result.SecurityToken is JsonWebToken { Kid: { } kid } ? keys.FirstOrDefault(k => k.KeyId == kid) : null;
        return (record.Identity, (signingKey ?? keys[0]).CredentialId, null);
    }
}
