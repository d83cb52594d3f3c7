using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using NhiPlatform.Contracts;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.TokenValidation.Metadata;

namespace NhiPlatform.TokenValidation;

public static class AccessTokenValidationExtensions
{
    /// <summary>
    /// JwtBearer for NhiPlatform access tokens (README.md), <c>scope:…</c> policies and RFC 6750 errors. Keys come from
    /// the token service over service discovery unless an <see cref="IConfigurationManager{T}"/> is registered first.
    /// </summary>
    public static IHostApplicationBuilder AddNhiAccessTokenValidation(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration[NhiConfigurationKeys.Issuer];
        if (string.IsNullOrWhiteSpace(issuer))
        {
            throw new InvalidOperationException(
                $"Configuration '{NhiConfigurationKeys.Issuer}' (the gateway's public base URL) is required to validate access tokens.");
        }

        var audience = builder.Configuration[NhiConfigurationKeys.Audience] ?? NhiAudiences.Gateway;
        var services = builder.Services;

        services.AddHttpClient(TokenServiceDocumentRetriever.HttpClientName,
            client => client.BaseAddress = new Uri($"http://{NhiResources.Tokens}"));
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider =>
            TokenServiceConfigurationManager.Create(new TokenServiceDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>())));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfigurationManager<OpenIdConnectConfiguration>>((options, configurationManager) =>
            {
                options.ConfigurationManager = configurationManager;
                options.MapInboundClaims = false;
                // Nothing reads the token back from the ticket; kept there it is one more copy of a bearer credential.
                options.SaveToken = false;
                options.RefreshOnIssuerKeyNotFound = true;
                options.Events = AccessTokenEvents.Create();
                foreach (var handler in options.TokenHandlers.OfType<JsonWebTokenHandler>())
                {
                    handler.MaximumTokenSizeInBytes = AccessTokenDefaults.MaximumTokenSizeInBytes;
                }

                options.TokenValidationParameters = AccessTokenValidationParameters.Create(issuer, audience);
            });

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, ScopePolicyProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ScopeAuthorizationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, AudienceAuthorizationHandler>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, BearerAuthorizationResultHandler>();
        services.AddSingleton<IPolicyEvaluator, ScopePolicyEvaluator>();
        return builder;
    }
}
