using NhiPlatform.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Tests.Routing;

public sealed class RoutePolicyConfigFilterTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ConfigureRoute_NoPolicy_Throws(string? policy)
    {
        var route = new RouteConfig { RouteId = "r", ClusterId = "c", AuthorizationPolicy = policy, Match = new RouteMatch { Path = "/x" } };

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RoutePolicyConfigFilter().ConfigureRouteAsync(route, null, CancellationToken.None).AsTask());
        Assert.Contains("'r'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("scope:echo.read")]
    public async Task ConfigureRoute_WithPolicy_KeepsRoute(string policy)
    {
        var route = new RouteConfig { RouteId = "r", ClusterId = "c", AuthorizationPolicy = policy, Match = new RouteMatch { Path = "/x" } };

        Assert.Same(route, await new RoutePolicyConfigFilter().ConfigureRouteAsync(route, null, CancellationToken.None));
    }
}
