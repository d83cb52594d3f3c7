using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using NhiPlatform.Client.Tokens;

namespace NhiPlatform.Client.Http;

/// <summary>
/// Puts the identity's access token on every request. When the resource answers 401 <c>invalid_token</c> (revoked,
/// or a signing key rotated away), the token is renewed once and an idempotent request retried once.
/// </summary>
internal sealed class NhiAccessTokenHandler(AccessTokenCache cache, NhiAccessTokenOptions options, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await cache.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (!options.RetryOnInvalidToken || !IsInvalidToken(response) || !IsReplayable(request))
        {
            return response;
        }

        NhiClientLog.RejectedRetrying(logger, request.Method.Method, request.RequestUri?.Host, options.ClientId);
        response.Dispose();
        cache.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await cache.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    internal static bool IsInvalidToken(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        && response.Headers.WwwAuthenticate.Any(challenge =>
            challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            && (challenge.Parameter ?? string.Empty).Contains("error=\"invalid_token\"", StringComparison.Ordinal));

    /// <summary>RFC 9110 §9.2.2 idempotent methods, with a body that can be sent again.</summary>
    internal static bool IsReplayable(HttpRequestMessage request) =>
        (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete)
        && request.Content is null or ByteArrayContent;
}
