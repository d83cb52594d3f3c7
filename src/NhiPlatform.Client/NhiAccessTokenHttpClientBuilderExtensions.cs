using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NhiPlatform.Client.Http;
using NhiPlatform.Client.Tokens;

namespace NhiPlatform.Client;

public static class NhiAccessTokenHttpClientBuilderExtensions
{
    /// <summary>The named HttpClient that talks to the token endpoint; add handlers to it to observe or shape token traffic.</summary>
    public const string TokenEndpointClientName = "NhiPlatform.Client.TokenEndpoint";

    /// <summary>
    /// Sends every request of this HttpClient with an NhiPlatform access token of the configured identity, renewed
    /// ahead of expiry; one token request at a time per client however many callers wait.
    /// </summary>
    public static IHttpClientBuilder AddNhiAccessToken(this IHttpClientBuilder builder, Action<NhiAccessTokenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new NhiAccessTokenOptions();
        configure(options);
        options.Validate();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(TokenEndpointClientName);
        var cacheKey = $"{builder.Name}:{options.ClientId}:{options.Scope}:{options.Resource}:{options.UseDPoP}";
        // One DPoP key per client (and cache): tokens bound to it are useless to anyone else.
        if (options.UseDPoP)
        {
            services.TryAddKeyedSingleton(cacheKey, (provider, _) => new DPoPProofFactory(provider.GetRequiredService<TimeProvider>()));
        }

        services.TryAddKeyedSingleton(cacheKey, (provider, _) =>
        {
            var timeProvider = provider.GetRequiredService<TimeProvider>();
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TokenEndpointClientName);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("NhiPlatform.Client");
            return new AccessTokenCache(new TokenEndpointClient(http, options, timeProvider, DPoPOf(provider, cacheKey)), options, timeProvider, logger);
        });
        return builder.AddHttpMessageHandler(provider => new NhiAccessTokenHandler(
            provider.GetRequiredKeyedService<AccessTokenCache>(cacheKey), options,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("NhiPlatform.Client"), DPoPOf(provider, cacheKey)));
    }

    private static DPoPProofFactory? DPoPOf(IServiceProvider provider, string cacheKey) => provider.GetKeyedService<DPoPProofFactory>(cacheKey);
}
