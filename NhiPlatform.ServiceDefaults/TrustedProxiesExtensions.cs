using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NhiPlatform.Contracts;

namespace NhiPlatform.ServiceDefaults;

/// <summary>
/// The caller's address from <c>X-Forwarded-For</c> only when the connection comes from a proxy listed in
/// <c>Nhi:TrustedProxies</c>, and only the hop that proxy added; a direct caller's header is ignored. Nothing is
/// trusted by default (ASP.NET Core's own default trusts every loopback caller).
/// </summary>
public static class TrustedProxiesExtensions
{
    public static TBuilder AddTrustedProxies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
                options.ForwardLimit = 1;
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var entry in configuration.GetSection(NhiConfigurationKeys.TrustedProxies).GetChildren())
                {
                    if (IPAddress.TryParse(entry.Value, out var address))
                    {
                        options.KnownProxies.Add(address);
                    }
                    else if (System.Net.IPNetwork.TryParse(entry.Value, out var network))
                    {
                        options.KnownIPNetworks.Add(network);
                    }
                    else
                    {
                        throw new InvalidOperationException(
                            $"{entry.Path} is '{entry.Value}': a trusted proxy is an IP address (10.0.0.5) or a CIDR network (10.0.0.0/24).");
                    }
                }
            })
            // A bad entry stops start-up instead of the first request.
            .Validate(_ => true)
            .ValidateOnStart();
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it (rate limits, logs) sees the caller's address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
