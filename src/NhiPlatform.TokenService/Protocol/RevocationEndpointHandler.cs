using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// <c>POST /connect/revoke</c> (RFC 7009): a client revokes a token issued to it (an admin client, one with
/// <c>nhi.admin</c> allowed, any of ours). The token id goes to the revocation set the gateways enforce until the
/// token's expiry. Invalid, expired or foreign tokens still answer 200 (§2.2), so the endpoint reveals nothing.
/// </summary>
internal sealed class RevocationEndpointHandler(
    ClientRequestAuthenticator clients, AccessTokenReader reader, IRevocationStore revocations, ILogger<RevocationEndpointHandler> logger)
{
    public const string Path = "/connect/revoke";

    public async Task<IResult> HandleAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        var (request, client, failure) = await clients.AuthenticateAsync(httpRequest, Path, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        // §2.1: token_type_hint is only a hint; we issue access tokens only, so refresh_token is unsupported.
        if (request!.TokenTypeHint is "refresh_token")
        {
            return new OAuthErrorResult(new OAuthError(OAuthErrors.UnsupportedTokenType, "Only access tokens are issued here."));
        }

        var jwt = await reader.ReadAsync(request.Token);
        var owner = jwt?.GetPayloadValue<string>(NhiClaims.ClientId);
        if (jwt is not null && owner is not null
            && (owner == client!.ClientId || jwt.Subject == client.ClientId || client.AllowedScopes.Contains(NhiScopes.Admin, StringComparer.Ordinal)))
        {
            await revocations.ApplyAsync(new RevocationMessage
            {
                Kind = RevocationMessage.TokenKind,
                TokenId = jwt.Id,
                ExpiresAt = new DateTimeOffset(jwt.ValidTo),
            }, cancellationToken);
            ProtocolLog.TokenRevoked(logger, client.ClientId, jwt.Id, owner);
        }

        httpRequest.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok();
    }
}
