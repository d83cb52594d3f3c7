using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage of RFC 9449 at the token endpoint: a request with a <c>DPoP</c> header gets a token bound to the proof's
/// key (§5), one without it a bearer token unless the identity requires sender-constrained tokens. The proof's <c>htu</c>
/// is the public token endpoint (<c>Nhi:Issuer</c>) or the URL this request was addressed to (a direct call).
/// </summary>
internal sealed class DPoPBinding(DPoPProofVerifier verifier, IOptions<TokenServiceOptions> options, ILogger<DPoPBinding> logger)
{
    /// <summary>The thumbprint to bind the token to (null: a bearer token), or the error to answer.</summary>
    public async Task<(string? Thumbprint, OAuthError? Error)> BindAsync(HttpRequest httpRequest, Identity identity, CancellationToken cancellationToken)
    {
        if (!httpRequest.Headers.ContainsKey(DPoPConstants.HeaderName))
        {
            if (!identity.RequireSenderConstrainedTokens)
            {
                return (null, null);
            }

            ProtocolLog.DPoPProofRefused(logger, identity.ClientId, "missing, required by requireSenderConstrainedTokens");
            return (null, new OAuthError(OAuthErrors.InvalidDPoPProof,
                "This client may only obtain sender-constrained tokens: send a DPoP proof (RFC 9449)."));
        }

        var direct = $"{httpRequest.Scheme}://{httpRequest.Host.ToUriComponent()}{httpRequest.PathBase.Add(httpRequest.Path).ToUriComponent()}";
        var result = await verifier.VerifyAsync(httpRequest,
            new DPoPProofRequest(HttpMethods.Post, [options.Value.TokenEndpoint.ToString(), direct]), cancellationToken);
        if (result.IsValid)
        {
            return (result.Proof!.Thumbprint, null);
        }

        if (result.Unavailable)
        {
            ProtocolLog.DPoPProofUnavailable(logger, identity.ClientId);
            return (null, new OAuthError(OAuthErrors.TemporarilyUnavailable, DPoPProofResult.UnavailableDescription));
        }

        ProtocolLog.DPoPProofRefused(logger, identity.ClientId, result.Error!);
        return (null, new OAuthError(result.Error!, result.Description ?? "The DPoP proof is invalid.") { DPoPNonce = result.Nonce });
    }

    /// <summary>RFC 9449 §5: <c>token_type</c> DPoP for a bound token.</summary>
    public static string TokenType(string? thumbprint) => thumbprint is null ? "Bearer" : DPoPConstants.TokenType;
}
