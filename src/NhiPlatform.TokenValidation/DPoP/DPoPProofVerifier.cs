using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// A request's DPoP proof, checked whole: exactly one <c>DPoP</c> header, the stateless checks
/// (<see cref="DPoPProofValidator"/>), the server nonce when required or given (§8, §9), then the proof id against every
/// replica's (§11.1). When the replay store cannot be asked the proof is refused: fail closed.
/// </summary>
public sealed class DPoPProofVerifier(
    DPoPProofValidator validator, DPoPNonces nonces, IDPoPReplayCache replays, IOptions<DPoPOptions> options)
{
    public async Task<DPoPProofResult> VerifyAsync(HttpRequest httpRequest, DPoPProofRequest request, CancellationToken cancellationToken)
    {
        var headers = httpRequest.Headers[DPoPConstants.HeaderName];
        if (headers.Count != 1)
        {
            return DPoPProofResult.Invalid(headers.Count == 0 ? "A DPoP proof is required." : "Send exactly one DPoP proof.");
        }

        var result = await validator.ValidateAsync(headers[0], request);
        if (result.Proof is not { } proof)
        {
            return result;
        }

        try
        {
            // A nonce, when present, must be ours and fresh even where none is required: a stale one gets a new one.
            if ((options.Value.RequireNonce || proof.Nonce is not null) && !await nonces.IsValidAsync(proof.Nonce, cancellationToken))
            {
                return new DPoPProofResult
                {
                    Error = DPoPConstants.UseDPoPNonce,
                    Description = "Use the DPoP-Nonce this server gave in the proof's nonce claim.",
                    Nonce = await nonces.IssueAsync(cancellationToken),
                };
            }

            if (!await replays.TryUseAsync(proof.Thumbprint, proof.TokenId, options.Value.ReplayWindow, cancellationToken))
            {
                return DPoPProofResult.Invalid("The DPoP proof was already used.");
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            return new DPoPProofResult { Unavailable = true, Description = DPoPProofResult.UnavailableDescription };
        }

        return result;
    }
}
