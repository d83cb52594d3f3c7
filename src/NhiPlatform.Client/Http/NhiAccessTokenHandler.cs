using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using NhiPlatform.Client.Tokens;

namespace NhiPlatform.Client.Http;

/// <summary>
/// Puts the identity's access token on every request, with a fresh DPoP proof when the token is bound (RFC 9449 §7).
/// When the resource answers 401 <c>invalid_token</c> (revoked, or a signing key rotated away), the token is renewed once
/// and an idempotent request retried once; a 401 <c>use_dpop_nonce</c> is retried once with the nonce it carries.
/// </summary>
internal sealed class NhiAccessTokenHandler(AccessTokenCache cache, NhiAccessTokenOptions options, ILogger logger, DPoPProofFactory? dpop = null)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await cache.GetTokenAsync(cancellationToken);
        var response = await SendWithTokenAsync(request, token, cancellationToken);
        if (dpop is not null && IsDPoPError(response, "use_dpop_nonce") && IsResendable(request)
            && dpop.Remember(request.RequestUri!, NonceOf(response)))
        {
            response.Dispose();
            response = await SendWithTokenAsync(request, token, cancellationToken);
        }

        if (!options.RetryOnInvalidToken || !IsInvalidToken(response) || !IsReplayable(request))
        {
            return response;
        }

        NhiClientLog.RejectedRetrying(logger, request.Method.Method, request.RequestUri?.Host, options.ClientId);
        response.Dispose();
        cache.Invalidate(token.Value);
        return await SendWithTokenAsync(request, await cache.GetTokenAsync(cancellationToken), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CachedAccessToken token, CancellationToken cancellationToken)
    {
        request.Headers.Remove(DPoPProofFactory.ProofHeader);
        if (dpop is not null && string.Equals(token.Type, DPoPProofFactory.TokenType, StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(DPoPProofFactory.TokenType, token.Value);
            request.Headers.Add(DPoPProofFactory.ProofHeader, dpop.Create(request.Method, request.RequestUri!, token.Value));
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }

        var response = await base.SendAsync(request, cancellationToken);
        // §9: a resource may hand out the next nonce on any answer.
        if (dpop is not null && response.StatusCode != HttpStatusCode.Unauthorized)
        {
            dpop.Remember(request.RequestUri!, NonceOf(response));
        }

        return response;
    }

    internal static bool IsInvalidToken(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        && response.Headers.WwwAuthenticate.Any(challenge =>
            (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Scheme.Equals("DPoP", StringComparison.OrdinalIgnoreCase))
            && (challenge.Parameter ?? string.Empty).Contains("error=\"invalid_token\"", StringComparison.Ordinal));

    private static bool IsDPoPError(HttpResponseMessage response, string error) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        && response.Headers.WwwAuthenticate.Any(challenge => challenge.Scheme.Equals("DPoP", StringComparison.OrdinalIgnoreCase)
            && (challenge.Parameter ?? string.Empty).Contains($"error=\"{error}\"", StringComparison.Ordinal));

    private static string? NonceOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(DPoPProofFactory.NonceHeader, out var values) ? values.FirstOrDefault() : null;

    /// <summary>RFC 9110 §9.2.2 idempotent methods, with a body that can be sent again.</summary>
    internal static bool IsReplayable(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete)
        && IsResendable(request);

    /// <summary>A nonce refusal happens before the resource acts, so any method may be sent again if its body can be.</summary>
    private static bool IsResendable(HttpRequestMessage request) => request.Content is null or ByteArrayContent;
}
