using System.Text.Json;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// <c>POST /connect/introspect</c> (RFC 7662): any authenticated client may ask. A token is active only when its
/// signature, issuer and lifetime hold, it is not revoked (by id or by its client's cut-off) and its client is
/// still active; otherwise <c>{"active":false}</c> and nothing else (§2.2).
/// </summary>
internal sealed class IntrospectionEndpointHandler(
    ClientRequestAuthenticator clients, AccessTokenReader reader, IRevocationStore revocations, IdentityCache cache,
    TimeProvider timeProvider, ILogger<IntrospectionEndpointHandler> logger)
{
    public const string Path = "/connect/introspect";

    public async Task<IResult> HandleAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        var (request, client, failure) = await clients.AuthenticateAsync(httpRequest, Path, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var response = await IntrospectAsync(request!.Token!, cancellationToken);
        ProtocolLog.TokenIntrospected(logger, client!.ClientId, response.Active);
        return new IntrospectionResult(response);
    }

    private async Task<IntrospectionResponse> IntrospectAsync(string token, CancellationToken cancellationToken)
    {
        var jwt = await reader.ReadAsync(token);
        var clientId = jwt?.GetPayloadValue<string>(NhiClaims.ClientId);
        if (jwt is null || clientId is null || await revocations.IsRevokedAsync(jwt.Id, clientId, jwt.IssuedAt, cancellationToken)
            || await ExchangeChain.IsAnyRevokedAsync(jwt, clientId, revocations, cancellationToken))
        {
            return IntrospectionResponse.Inactive;
        }

        // The subject's identity must be active too: for exchanged tokens both the subject and the client.
        foreach (var party in new[] { clientId, jwt.Subject }.Distinct(StringComparer.Ordinal))
        {
            if ((await cache.GetAsync(party, cancellationToken))?.Identity is not { } identity || !identity.CanAuthenticateAt(timeProvider.GetUtcNow()))
            {
                return IntrospectionResponse.Inactive;
            }
        }

        return new IntrospectionResponse
        {
            Active = true,
            Scope = jwt.TryGetPayloadValue<string>(NhiClaims.Scope, out var scope) ? scope : null,
            ClientId = clientId,
            TokenType = DPoPBinding.TokenType(DPoPResourceCheck.BoundThumbprint(jwt)),
            Exp = new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds(),
            Iat = new DateTimeOffset(jwt.IssuedAt).ToUnixTimeSeconds(),
            Nbf = new DateTimeOffset(jwt.ValidFrom).ToUnixTimeSeconds(),
            Sub = jwt.Subject,
            Aud = jwt.Audiences.FirstOrDefault(),
            Iss = jwt.Issuer,
            Jti = jwt.Id,
            Act = jwt.TryGetPayloadValue<JsonElement>(AccessTokenIssuer.ActClaim, out var act) ? act : null,
            // RFC 9449 §6.2: a bound token's confirmation, so a resource server introspecting can check the proof key.
            Cnf = jwt.TryGetPayloadValue<JsonElement>(DPoPConstants.ConfirmationClaim, out var cnf) ? cnf : null,
        };
    }
}
