using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Routing;

/// <summary>
/// Fails closed: a route that declares no authorization policy is refused when configuration loads, so the gateway
/// does not start (or keeps its last good configuration) rather than expose it. Public routes say <c>anonymous</c>.
/// </summary>
internal sealed class RoutePolicyConfigFilter : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(route.AuthorizationPolicy))
        {
            throw new InvalidOperationException(
                $"Route '{route.RouteId}' declares no AuthorizationPolicy. Every route must name one: 'anonymous' for public " +
                "routes, or 'scope:<scope> [<scope>...]' for the scopes a caller needs.");
        }

        return new(route);
    }
}
