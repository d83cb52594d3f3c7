using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using NhiPlatform.Contracts;
using NhiPlatform.Gateway.Authentication;
using NhiPlatform.Gateway.Infrastructure.Redis;
using NhiPlatform.Gateway.RateLimiting;
using NhiPlatform.Gateway.Revocation;
using NhiPlatform.Gateway.Routing;
using NhiPlatform.Gateway.Transforms;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.TokenValidation;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace NhiPlatform.Gateway.Extensions;

internal static class GatewayServiceCollectionExtensions
{
    public const string ReverseProxySection = "ReverseProxy";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddRedisClient(NhiResources.Cache);
        builder.AddNhiAccessTokenValidation();
        var defaultAudience = builder.Configuration[NhiConfigurationKeys.Audience] ?? NhiAudiences.Gateway;
        var routeAudiences = RouteAudiences(builder.Configuration.GetSection(ReverseProxySection));
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            // Every audience a route names is valid at the gateway; each route then requires its own (RoutePolicyConfigFilter).
            options.TokenValidationParameters.ValidAudiences = [defaultAudience, .. routeAudiences]);

        // A request no route declares a policy for must still prove who it is (fail closed).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddOptions<RoutingOptions>()
            .Configure(options => options.DefaultAudience = defaultAudience)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddConfigFilter<RoutePolicyConfigFilter>()
            .AddTransforms<IdentityHeadersTransformProvider>();
        services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        services.AddSingleton<IdentityRateLimiter>();
        services.AddHostedService<SigningKeysWarmup>();

        services.AddOptions<RevocationOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{RevocationOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RevocationList>();
        services.AddSingleton<IAccessTokenRevocationCheck>(provider => provider.GetRequiredService<RevocationList>());
        services.AddHostedService<RedisRevocationSubscriber>();

        services.AddOptions<UsageOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{UsageOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UsageMetrics>();
        services.AddSingleton<UsageSpillFile>();
        services.AddSingleton<UsageEventChannel>();
        services.AddHostedService<RedisUsageStreamWriter>();
        services.AddHostedService<RedisUsageReplayer>();
        return builder;
    }

    private static string[] RouteAudiences(IConfigurationSection reverseProxy) => reverseProxy.GetSection("Routes").GetChildren()
        .Select(route => route[$"Metadata:{RouteMetadataKeys.Audience}"]?.Trim())
        .OfType<string>()
        .Where(audience => audience.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
