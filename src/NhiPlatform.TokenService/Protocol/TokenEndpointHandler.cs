using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// <c>POST /connect/token</c> in fixed stages, as OpenIddict runs it: extract, validate (grant type, client,
/// scope), handle (issue), write. The first failing stage answers.
/// </summary>
internal sealed class TokenEndpointHandler(ClientAuthenticator authenticator, AccessTokenIssuer issuer, ILogger<TokenEndpointHandler> logger)
{
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

        var (identity, clientError) = await authenticator.AuthenticateAsync(request, cancellationToken);
        if (identity is null)
        {
            return new OAuthErrorResult(clientError!);
        }

        var (scopes, scopeError) = ScopeValidator.Validate(request.Scope, identity.AllowedScopes);
        if (scopeError is not null)
        {
            ProtocolLog.ScopeRefused(logger, identity.ClientId);
            return new OAuthErrorResult(scopeError);
        }

        var token = issuer.Issue(identity, scopes);
        ProtocolLog.TokenIssued(logger, identity.ClientId, token.TokenId, token.Scope, token.ExpiresAt);
        return new TokenResult(new TokenResponse(token.Token, "Bearer", token.ExpiresIn, token.Scope));
    }
}
