using Microsoft.Extensions.Options;
using NhiPlatform.TokenValidation.Authorization;
using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Routing;

/// <summary>
/// Fails closed: every route must declare who may call it, or configuration is refused (the gateway does not start,
/// or keeps its last good configuration). Public routes say <c>AuthorizationPolicy: anonymous</c>; protected routes
/// give scopes (metadata <c>Nhi.Scopes.AllOf</c> / <c>Nhi.Scopes.AnyOf</c>, or <c>scope:a b</c>), and the route's
/// policy becomes a composed <c>nhi:…</c> name that also requires the route's audience (README.md in this folder).
/// </summary>
internal sealed class RoutePolicyConfigFilter(IOptions<RoutingOptions> options) : IProxyConfigFilter
{
    public const string Anonymous = "anonymous";

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        var policy = route.AuthorizationPolicy?.Trim() ?? string.Empty;
        var allOf = Scopes(route, RouteMetadataKeys.ScopesAllOf);
        var anyOf = Scopes(route, RouteMetadataKeys.ScopesAnyOf);
        var audience = route.Metadata?.GetValueOrDefault(RouteMetadataKeys.Audience)?.Trim();
        if (!RouteRateLimit.TryParse(route, out var rateLimit, out var rateLimitError))
        {
            throw Invalid(route, rateLimitError!);
        }

        if (string.Equals(policy, Anonymous, StringComparison.OrdinalIgnoreCase))
        {
            if (allOf.Length + anyOf.Length > 0 || !string.IsNullOrEmpty(audience) || rateLimit is not null)
            {
                throw Invalid(route, "an anonymous route cannot declare scopes, an audience or a per-identity rate limit.");
            }

            return new(route);
        }

        if (policy.Length > 0)
        {
            if (!policy.StartsWith(ScopePolicies.Prefix, StringComparison.Ordinal) || !ScopePolicies.TryParsePolicy(policy, out var declared))
            {
                throw Invalid(route, $"AuthorizationPolicy '{policy}' is not 'anonymous' or 'scope:<scope> [<scope>...]'.");
            }

            if (allOf.Length > 0)
            {
                throw Invalid(route, $"give the all-of scopes either in AuthorizationPolicy or in {RouteMetadataKeys.ScopesAllOf}, not both.");
            }

            allOf = [.. declared.AllOf];
        }

        if (allOf.Length + anyOf.Length == 0)
        {
            throw new InvalidOperationException(
                $"Route '{route.RouteId}' declares no AuthorizationPolicy. Every route must name one: 'anonymous' for public " +
                $"routes, or the scopes a caller needs ('scope:<scope> [<scope>...]', metadata {RouteMetadataKeys.ScopesAllOf} " +
                $"or {RouteMetadataKeys.ScopesAnyOf}).");
        }

        var composed = ScopePolicies.For(new ScopePolicy
        {
            AllOf = allOf,
            AnyOf = anyOf,
            Audience = string.IsNullOrEmpty(audience) ? options.Value.DefaultAudience : audience,
        });
        return new(route with { AuthorizationPolicy = composed });
    }

    private static string[] Scopes(RouteConfig route, string key) =>
        route.Metadata?.GetValueOrDefault(key)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static InvalidOperationException Invalid(RouteConfig route, string problem) => new($"Route '{route.RouteId}': {problem}");
}
