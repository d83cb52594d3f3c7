using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// <c>POST /connect/token</c> in fixed stages, as OpenIddict runs it: extract, validate (grant type, rate limit,
/// client, scope, resource), handle (issue), write. The first failing stage answers.
/// </summary>
internal sealed class TokenEndpointHandler(
    ClientAuthenticator authenticator, AccessTokenIssuer issuer, TokenExchangeHandler exchange, TokenRateLimiter rateLimiter, IdentityCache cache, DPoPBinding dpop,
    IOptions<TokenServiceOptions> options, ILogger<TokenEndpointHandler> logger)
{
    public const string Path = "/connect/token";

    public async Task<IResult> HandleAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        var (request, extractError) = await TokenRequestReader.ReadAsync(httpRequest, cancellationToken);
        if (request is null)
        {
            return new OAuthErrorResult(extractError!);
        }

        if (GrantTypeValidator.Validate(request) is { } grantError)
        {
            return new OAuthErrorResult(grantError);
        }

        // A client blocked from this source is refused before anything costly; for a client already in the identity cache the check
        // is folded into the one Redis round trip after authentication (TokenRequestAsync), keeping the hot path at one.
        if ((request.ClientId is null || !cache.Contains(request.ClientId))
            && await rateLimiter.FailuresBlockedAsync(httpRequest.HttpContext, request.ClientId, cancellationToken) is { } blocked)
        {
            return blocked;
        }

        var authentication = await authenticator.AuthenticateClientAsync(request, Path, cancellationToken);
        if (authentication.Identity is not { } identity)
        {
            return await rateLimiter.FailedAuthenticationAsync(httpRequest.HttpContext, request.ClientId, cancellationToken) ?? new OAuthErrorResult(authentication.Error!);
        }

        if (await rateLimiter.TokenRequestAsync(httpRequest.HttpContext, identity.ClientId, cancellationToken) is { } limited)
        {
            return limited;
        }

        // RFC 9449 §5: a proof binds the token to its key; the identity's policy may require one.
        var (thumbprint, dpopError) = await dpop.BindAsync(httpRequest, identity, cancellationToken);
        if (dpopError is not null)
        {
            return new OAuthErrorResult(dpopError);
        }

        if (request.GrantType == GrantTypeValidator.TokenExchange)
        {
            return await exchange.HandleAsync(request, identity, thumbprint, cancellationToken);
        }

        var (scopes, scopeError) = ScopeValidator.Validate(request.Scope, identity.AllowedScopes, identity.DefaultScopes);
        if (scopeError is not null)
        {
            ProtocolLog.ScopeRefused(logger, identity.ClientId);
            return new OAuthErrorResult(scopeError);
        }

        var (audience, targetError) = AudienceValidator.Validate(request.Resource, identity, options.Value.Audience);
        if (targetError is not null)
        {
            ProtocolLog.TargetRefused(logger, identity.ClientId);
            return new OAuthErrorResult(targetError);
        }

        var token = issuer.Issue(new AccessTokenSpec(identity.ClientId, identity.ClientId, scopes, audience!, Lifetime(identity))
        {
            Thumbprint = thumbprint,
            AuthenticatedWith = AuthenticationMethodNames.Of(authentication.Method),
            CredentialId = authentication.CredentialId,
        });
        ProtocolLog.TokenIssued(logger, identity.ClientId, token.TokenId, token.Scope, token.ExpiresAt);
        return new TokenResult(new TokenResponse(token.Token, DPoPBinding.TokenType(thumbprint), token.ExpiresIn, token.Scope));
    }

    public static TimeSpan Lifetime(Identity identity) => TimeSpan.FromSeconds(identity.TokenLifetimeSeconds);
}
