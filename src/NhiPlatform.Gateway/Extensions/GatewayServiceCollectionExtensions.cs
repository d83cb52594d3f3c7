using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts;
using NhiPlatform.Gateway.Authentication;
using NhiPlatform.Gateway.Infrastructure.Kestrel;
using NhiPlatform.Gateway.Infrastructure.Redis;
using NhiPlatform.Gateway.RateLimiting;
using NhiPlatform.Gateway.Revocation;
using NhiPlatform.Gateway.Routing;
using NhiPlatform.Gateway.Transforms;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.TokenValidation;
using NhiPlatform.TokenValidation.DPoP;
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
        // RFC 9449: DPoP-bound tokens with a proof per request; proof ids and nonces shared by every replica through Redis.
        builder.AddNhiDPoPResourceServer(NhiConfigurationKeys.GatewaySection);
        var defaultAudience = builder.Configuration[NhiConfigurationKeys.Audience] ?? NhiAudiences.Gateway;
        var routeAudiences = RouteAudiences(builder.Configuration.GetSection(ReverseProxySection));
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            // Every audience a route names is valid at the gateway; each route then requires its own (RoutePolicyConfigFilter).
            options.TokenValidationParameters.ValidAudiences = [defaultAudience, .. routeAudiences]);
        services.AddOptions<ValidatedTokenCacheOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{ValidatedTokenCacheOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<UnknownKeyRefresh>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<ValidatedTokenCache, UnknownKeyRefresh>(UseValidatedTokenCache);

        // A request no route declares a policy for must still prove who it is (fail closed).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        CachePolicies(services);
        services.AddCachedBearerAuthentication();

        services.AddOptions<RoutingOptions>()
            .Configure(options => options.DefaultAudience = defaultAudience)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddConfigFilter<RoutePolicyConfigFilter>()
            .AddTransforms<IdentityHeadersTransformProvider>()
            // Kestrel decodes non-ASCII header values as UTF-8; write them on the same way (the default, ASCII only, made them a 502).
            .ConfigureHttpClient((_, handler) => handler.RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8);
        services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        services.AddSingleton<IdentityRateLimiter>();
        services.AddHostedService<SigningKeysWarmup>();

        services.AddOptions<IdentityHeadersOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{IdentityHeadersOptions.SectionName}");
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

        services.AddOptions<GatewayTransportOptions>()
            .BindConfiguration($"{NhiConfigurationKeys.GatewaySection}:{GatewayTransportOptions.SectionName}");
        services.AddOptions<SocketTransportOptions>().Configure<IOptions<GatewayTransportOptions>>((socket, transport) =>
            socket.UnsafePreferInlineScheduling = transport.Value.InlineScheduling);
        return builder;
    }

    /// <summary>Wraps the registered policy provider (scope policies) in <see cref="CachingPolicyProvider"/>.</summary>
    private static void CachePolicies(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationPolicyProvider))?.ImplementationType
            ?? throw new InvalidOperationException("The gateway expects the scope policy provider registered by type.");
        services.AddSingleton<IAuthorizationPolicyProvider>(provider =>
            new CachingPolicyProvider((IAuthorizationPolicyProvider)ActivatorUtilities.CreateInstance(provider, registered)));
    }

    /// <summary>Wraps the registered authentication service in <see cref="CachedBearerAuthenticationService"/>, same lifetime.</summary>
    internal static void AddCachedBearerAuthentication(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAuthenticationService))
            ?? throw new InvalidOperationException("The gateway expects an authentication service registered (AddAuthentication).");
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("The gateway expects the authentication service registered by type.");
        services.Add(new ServiceDescriptor(typeof(IAuthenticationService), provider =>
            ActivatorUtilities.CreateInstance<CachedBearerAuthenticationService>(provider,
                (IAuthenticationService)ActivatorUtilities.CreateInstance(provider, implementation)), registered.Lifetime));
    }

    /// <summary>Puts <see cref="CachingJsonWebTokenHandler"/> in place of the JSON web token handler, with its settings.</summary>
    private static void UseValidatedTokenCache(JwtBearerOptions options, ValidatedTokenCache cache, UnknownKeyRefresh unknownKeyRefresh)
    {
        for (var i = 0; i < options.TokenHandlers.Count; i++)
        {
            if (options.TokenHandlers[i] is JsonWebTokenHandler handler and not CachingJsonWebTokenHandler)
            {
                options.TokenHandlers[i] = new CachingJsonWebTokenHandler(cache, unknownKeyRefresh)
                {
                    MaximumTokenSizeInBytes = handler.MaximumTokenSizeInBytes,
                    MapInboundClaims = handler.MapInboundClaims,
                    TokenLifetimeInMinutes = handler.TokenLifetimeInMinutes,
                };
            }
        }
    }

    private static string[] RouteAudiences(IConfigurationSection reverseProxy) => reverseProxy.GetSection("Routes").GetChildren()
        .Select(route => route[$"Metadata:{RouteMetadataKeys.Audience}"]?.Trim())
        .OfType<string>()
        .Where(audience => audience.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}
