using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation.DPoP;

public static class DPoPServiceCollectionExtensions
{
    /// <summary>
    /// DPoP proof checking with options from <paramref name="section"/> (<c>…:DPoP</c>): the validator, nonces and the
    /// replay cache, both in the Redis of <c>ConnectionStrings:cache</c> (an <c>IConnectionMultiplexer</c> must be registered).
    /// </summary>
    /// <param name="requireNonce">The default of <see cref="DPoPOptions.RequireNonce"/>; configuration wins.</param>
    public static IHostApplicationBuilder AddNhiDPoP(this IHostApplicationBuilder builder, string section, bool requireNonce = false)
    {
        var services = builder.Services;
        services.AddOptions<DPoPOptions>()
            .Configure(options => options.RequireNonce = requireNonce)
            .BindConfiguration($"{section}:{DPoPOptions.SectionName}")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDPoPReplayCache, RedisDPoPReplayCache>();
        services.TryAddSingleton<IDPoPNonceKey, RedisDPoPNonceKey>();
        services.TryAddSingleton<DPoPProofValidator>();
        services.TryAddSingleton<DPoPNonces>();
        services.TryAddSingleton<DPoPProofVerifier>();
        return builder;
    }

    /// <summary>
    /// Lets this resource server accept <c>Authorization: DPoP</c> with a proof for each request. Without it a bound token is
    /// refused here in either scheme: a service behind the gateway cannot check a proof the gateway already used.
    /// </summary>
    public static IHostApplicationBuilder AddNhiDPoPResourceServer(this IHostApplicationBuilder builder, string section)
    {
        builder.AddNhiDPoP(section);
        var issuer = builder.Configuration[NhiConfigurationKeys.Issuer]
            ?? throw new InvalidOperationException($"Configuration '{NhiConfigurationKeys.Issuer}' is required for DPoP.");
        builder.Services.TryAddSingleton(provider => new DPoPResourceCheck(provider.GetRequiredService<DPoPProofVerifier>(), issuer));
        return builder;
    }
}
