using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Gateway.Routing;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace NhiPlatform.Gateway.Transforms;

/// <summary>
/// On every route: strips identity headers a caller sent (anything <c>X-Nhi-*</c>, and the conventional identity
/// headers of <see cref="IdentityHeadersOptions"/>), then forwards the verified identity (client id, scopes, token id). The caller's <c>Authorization</c> goes downstream only where the route
/// says so, so a service behind the gateway never sees a token it was not meant to replay.
/// </summary>
internal sealed class IdentityHeadersTransformProvider(IOptions<IdentityHeadersOptions> options) : ITransformProvider
{
    private readonly FrozenSet<string> _stripped = options.Value.Strip.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public void ValidateRoute(TransformRouteValidationContext context)
    {
        if (context.Route.Metadata?.TryGetValue(RouteMetadataKeys.ForwardAuthorization, out var value) == true
            && !bool.TryParse(value, out _))
        {
            context.Errors.Add(new ArgumentException(
                $"Route '{context.Route.RouteId}': metadata {RouteMetadataKeys.ForwardAuthorization} must be true or false."));
        }
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var forwardAuthorization = context.Route.Metadata?.TryGetValue(RouteMetadataKeys.ForwardAuthorization, out var value) == true
            && bool.Parse(value);
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            RemoveIdentityHeaders(headers);

            if (!forwardAuthorization)
            {
                headers.Authorization = null;
            }

            var user = transform.HttpContext.User;
            if (user.Identity?.IsAuthenticated == true)
            {
                AddIfPresent(headers, NhiHeaders.ClientId, user.FindFirstValue(NhiClaims.ClientId));
                AddIfPresent(headers, NhiHeaders.Scopes, user.FindFirstValue(NhiClaims.Scope));
                AddIfPresent(headers, NhiHeaders.TokenId, user.FindFirstValue(NhiClaims.TokenId));
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// Reads names through <see cref="System.Net.Http.Headers.HttpHeaders.NonValidated"/>: the plain enumerator parses
    /// every copied header value on every request, and allocates, only to look at names.
    /// </summary>
    private void RemoveIdentityHeaders(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        List<string>? spoofed = null;
        foreach (var header in headers.NonValidated)
        {
            if (IsIdentityHeader(header.Key))
            {
                (spoofed ??= []).Add(header.Key);
            }
        }

        foreach (var name in spoofed ?? [])
        {
            headers.Remove(name);
        }
    }

    internal bool IsIdentityHeader(string name) =>
        name.StartsWith(NhiHeaders.Prefix, StringComparison.OrdinalIgnoreCase) || _stripped.Contains(name);

    private static void AddIfPresent(System.Net.Http.Headers.HttpRequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
