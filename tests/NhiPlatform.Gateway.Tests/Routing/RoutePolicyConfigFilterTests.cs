using Microsoft.Extensions.Options;
using NhiPlatform.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace NhiPlatform.Gateway.Tests.Routing;

public sealed class RoutePolicyConfigFilterTests
{
    private static readonly RoutePolicyConfigFilter Filter = new(Options.Create(new RoutingOptions { DefaultAudience = "nhi-gateway" }));

    private static RouteConfig Route(string? policy, params (string Key, string Value)[] metadata) => new()
    {
        RouteId = "r",
        ClusterId = "c",
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = "/x" },
        Metadata = metadata.Length == 0 ? null : metadata.ToDictionary(m => m.Key, m => m.Value),
    };

    private static Task<RouteConfig> ConfigureAsync(RouteConfig route) => Filter.ConfigureRouteAsync(route, null, CancellationToken.None).AsTask();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ConfigureRoute_NoPolicy_Throws(string? policy)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigureAsync(Route(policy)));
        Assert.Contains("'r' declares no AuthorizationPolicy", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureRoute_Anonymous_KeepsRoute()
    {
        var route = Route("anonymous");
        Assert.Same(route, await ConfigureAsync(route));
    }

    [Fact]
    public async Task ConfigureRoute_ScopePolicy_ComposesWithDefaultAudience()
    {
        var route = await ConfigureAsync(Route("scope:echo.read"));
        Assert.Equal("nhi:all=echo.read;aud=nhi-gateway", route.AuthorizationPolicy);
    }

    [Fact]
    public async Task ConfigureRoute_AllOfAnyOfAudienceMetadata_Composes()
    {
        var route = await ConfigureAsync(Route(null,
            (RouteMetadataKeys.ScopesAllOf, "a b"), (RouteMetadataKeys.ScopesAnyOf, "c d"), (RouteMetadataKeys.Audience, "echo")));
        Assert.Equal("nhi:all=a b;any=c d;aud=echo", route.AuthorizationPolicy);
    }

    [Theory]
    [InlineData(RouteMetadataKeys.ScopesAllOf, "a")]
    [InlineData(RouteMetadataKeys.Audience, "echo")]
    [InlineData(RouteMetadataKeys.RateLimitPermits, "5")]
    public async Task ConfigureRoute_AnonymousWithProtection_Throws(string key, string value)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigureAsync(Route("anonymous", (key, value))));
        Assert.Contains("Route 'r'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("scope:")]
    [InlineData("nhi:all=a")]
    public async Task ConfigureRoute_UnknownPolicyName_Throws(string policy)
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigureAsync(Route(policy)));
    }

    [Fact]
    public async Task ConfigureRoute_ScopesInPolicyAndMetadata_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigureAsync(Route("scope:a", (RouteMetadataKeys.ScopesAllOf, "b"))));
    }

    [Theory]
    [InlineData("0", "00:00:01")]
    [InlineData("abc", "00:00:01")]
    [InlineData("5", "soon")]
    [InlineData("5", "02:00:00")]
    [InlineData("5", null)]
    public async Task ConfigureRoute_BadRateLimit_Throws(string permits, string? window)
    {
        var metadata = new List<(string, string)> { (RouteMetadataKeys.ScopesAllOf, "a"), (RouteMetadataKeys.RateLimitPermits, permits) };
        if (window is not null)
        {
            metadata.Add((RouteMetadataKeys.RateLimitWindow, window));
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => ConfigureAsync(Route(null, [.. metadata])));
        Assert.Contains(RouteMetadataKeys.RateLimitPermits, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureRoute_GoodRateLimit_IsParsed()
    {
        var route = await ConfigureAsync(Route(null,
            (RouteMetadataKeys.ScopesAllOf, "a"), (RouteMetadataKeys.RateLimitPermits, "5"), (RouteMetadataKeys.RateLimitWindow, "00:00:02")));
        Assert.Equal(new RouteRateLimit(5, TimeSpan.FromSeconds(2)), RouteRateLimit.Of(route));
    }
}
