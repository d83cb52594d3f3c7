using Microsoft.AspNetCore.Authorization;
using NhiPlatform.Contracts;
using NhiPlatform.Gateway.Infrastructure.Redis;
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

        // A request no route declares a policy for must still prove who it is (fail closed).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddConfigFilter<RoutePolicyConfigFilter>()
            .AddTransforms<IdentityHeadersTransformProvider>();
        services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        services.AddOptions<UsageOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{UsageOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UsageMetrics>();
        services.AddSingleton<UsageEventChannel>();
        services.AddHostedService<RedisUsageStreamWriter>();
        return builder;
    }
}
