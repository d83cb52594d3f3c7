using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Caching;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// RFC 8693 token exchange, delegation only: an authenticated client (the actor) presents an access token it
/// received (the subject token) and gets a narrower one for a downstream audience. Scopes are the requested ones
/// within both the subject token's and the actor's allowed scopes; the audience must be allowed to the actor;
/// the lifetime never exceeds the subject token's; <c>act</c> records the chain (§4.1). DPoP: the new token is bound to the
/// actor's proof key when the actor sent one; a bound subject token is exchanged only with a proof, so an exchange never
/// turns a sender-constrained token into a bearer token (the actor cannot prove the subject's key, only its own).
/// </summary>
internal sealed class TokenExchangeHandler(
    AccessTokenReader reader, IRevocationStore revocations, IdentityCache cache, AccessTokenIssuer issuer,
    IOptions<TokenServiceOptions> options, TimeProvider timeProvider, ILogger<TokenExchangeHandler> logger)
{
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    public const string JwtTokenType = "urn:ietf:params:oauth:token-type:jwt";

    public async Task<IResult> HandleAsync(TokenRequest request, Identity actor, string? thumbprint, CancellationToken cancellationToken)
    {
        // §2.1: subject_token and subject_token_type are required; actor_token is not supported (the client is the actor).
        if (request.SubjectToken is null || request.SubjectTokenType is not (AccessTokenType or JwtTokenType))
        {
            return new OAuthErrorResult(OAuthError.InvalidRequest("subject_token with subject_token_type access_token or jwt is required."));
        }

        if (request.ActorToken is not null || (request.RequestedTokenType is not null && request.RequestedTokenType != AccessTokenType))
        {
            return new OAuthErrorResult(OAuthError.InvalidRequest("actor_token is not supported; only access tokens are issued."));
        }

        var subject = await reader.ReadAsync(request.SubjectToken);
        var subjectClient = subject?.GetPayloadValue<string>(NhiClaims.ClientId);
        if (subject is null || subjectClient is null || await revocations.IsRevokedAsync(subject.Id, subjectClient, subject.IssuedAt, cancellationToken)
            || await ExchangeChain.IsAnyRevokedAsync(subject, subjectClient, revocations, cancellationToken)
            || (await cache.GetAsync(subjectClient, cancellationToken))?.Identity is not { } subjectIdentity
            || !subjectIdentity.CanAuthenticateAt(timeProvider.GetUtcNow()))
        {
            ProtocolLog.ExchangeRefused(logger, actor.ClientId, "subject token invalid, revoked or of an inactive identity");
            return new OAuthErrorResult(new OAuthError(OAuthErrors.InvalidGrant, "The subject token is invalid."));
        }

        if (thumbprint is null && DPoPResourceCheck.BoundThumbprint(subject) is not null)
        {
            ProtocolLog.ExchangeRefused(logger, actor.ClientId, "bound subject token without a DPoP proof");
            return new OAuthErrorResult(new OAuthError(OAuthErrors.InvalidDPoPProof,
                "A DPoP-bound subject token is exchanged only for a DPoP-bound token: send a DPoP proof."));
        }

        // Never broader than either party: within the subject token's scopes and the actor's allowed scopes.
        var subjectScopes = (subject.TryGetPayloadValue<string>(NhiClaims.Scope, out var scopeClaim) ? scopeClaim : string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var grantable = subjectScopes.Intersect(actor.AllowedScopes, StringComparer.Ordinal).ToArray();
        var (scopes, scopeError) = ScopeValidator.Validate(request.Scope, grantable, grantable);
        if (scopeError is not null)
        {
            ProtocolLog.ScopeRefused(logger, actor.ClientId);
            return new OAuthErrorResult(scopeError);
        }

        // A token that grants nothing is no answer (RFC 8693 §2.2.2: invalid_scope when no scope can be granted).
        if (scopes.Count == 0)
        {
            ProtocolLog.ScopeRefused(logger, actor.ClientId);
            return new OAuthErrorResult(new OAuthError(OAuthErrors.InvalidScope, "The subject token and the client have no scope in common."));
        }

        var (audience, targetError) = AudienceValidator.Validate(request.Resource ?? request.Audience, actor, options.Value.Audience);
        if (targetError is not null)
        {
            ProtocolLog.TargetRefused(logger, actor.ClientId);
            return new OAuthErrorResult(targetError);
        }

        var remaining = subject.ValidTo - timeProvider.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromSeconds(Math.Floor(Math.Min(remaining.TotalSeconds, actor.TokenLifetimeSeconds)));
        var act = new Dictionary<string, object> { [NhiClaims.Subject] = actor.ClientId };
        if (subject.TryGetPayloadValue<JsonElement>(AccessTokenIssuer.ActClaim, out var previousAct) && previousAct.ValueKind == JsonValueKind.Object)
        {
            act[AccessTokenIssuer.ActClaim] = previousAct;
        }

        var token = issuer.Issue(new AccessTokenSpec(subject.Subject, actor.ClientId, scopes, audience!, lifetime)
        {
            Actor = act,
            ExchangedFrom = [subject.Id, .. ExchangeChain.Of(subject)],
            Thumbprint = thumbprint,
        });
        ProtocolLog.TokenExchanged(logger, actor.ClientId, subject.Subject, subject.Id, token.TokenId, token.Scope);
        return new TokenResult(new TokenResponse(token.Token, DPoPBinding.TokenType(thumbprint), token.ExpiresIn, token.Scope) { IssuedTokenType = AccessTokenType });
    }
}
