namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Extract and authenticate stages shared by introspection and revocation (RFC 7662 §2.1, RFC 7009 §2.1): the
/// form, the failed-authentication limit of the source, the client.
/// </summary>
internal sealed class ClientRequestAuthenticator(ClientAuthenticator authenticator, TokenRateLimiter rateLimiter)
{
    public async Task<(TokenRequest? Request, Domain.Identity? Client, IResult? Failure)> AuthenticateAsync(
        HttpRequest httpRequest, string path, CancellationToken cancellationToken)
    {
        var (request, extractError) = await TokenRequestReader.ReadAsync(httpRequest, cancellationToken);
        if (request is null)
        {
            return (null, null, new OAuthErrorResult(extractError!));
        }

        if (await rateLimiter.FailuresBlockedAsync(httpRequest.HttpContext, request.ClientId, cancellationToken) is { } blocked)
        {
            return (null, null, blocked);
        }

        var (client, clientError) = await authenticator.AuthenticateAsync(request, path, cancellationToken);
        if (client is null)
        {
            return (null, null, await rateLimiter.FailedAuthenticationAsync(httpRequest.HttpContext, request.ClientId, cancellationToken) ?? new OAuthErrorResult(clientError!));
        }

        if (request.Token is null)
        {
            return (null, null, new OAuthErrorResult(OAuthError.InvalidRequest("The token parameter is required.")));
        }

        return (request, client, null);
    }
}
