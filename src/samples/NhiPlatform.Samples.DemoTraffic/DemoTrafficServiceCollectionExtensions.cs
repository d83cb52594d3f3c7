using System.Text.Json;
using NhiPlatform.Client;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Samples.DemoTraffic;

internal static class DemoTrafficServiceCollectionExtensions
{
    /// <summary>The client without a token handler: it presents a foreign token of its own.</summary>
    public const string HiddenCallerClient = "hidden-caller";

    /// <summary>One HttpClient per demo identity, through the gateway, with its token from NhiPlatform.Client.</summary>
    public static IHostApplicationBuilder AddDemoTraffic(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration[NhiConfigurationKeys.Issuer]
            ?? throw new InvalidOperationException($"Configuration '{NhiConfigurationKeys.Issuer}' (the gateway's URL) is required.");
        var directory = builder.Configuration[NhiConfigurationKeys.DemoCredentialsDirectory]
            ?? throw new InvalidOperationException($"Configuration '{NhiConfigurationKeys.DemoCredentialsDirectory}' is required.");
        var gateway = new Uri(issuer.TrimEnd('/') + "/");

        foreach (var identity in DemoIdentities.All.Where(i => i != DemoIdentities.Orders))
        {
            var file = Path.Combine(directory, $"{identity.ClientId}.json");
            var credentials = JsonSerializer.Deserialize(File.ReadAllText(file), LocalRunJsonContext.Default.BootstrapCredentials)
                ?? throw new InvalidOperationException($"{file} is empty.");
            builder.Services.AddHttpClient(identity.ClientId, client => client.BaseAddress = gateway)
                .AddNhiAccessToken(options =>
                {
                    options.Authority = gateway;
                    options.ClientId = credentials.ClientId;
                    options.ClientSecret = credentials.ClientSecret;
                    options.Scope = identity.RequestedScope;
                });
        }

        builder.Services.AddHttpClient(HiddenCallerClient, client => client.BaseAddress = gateway);
        builder.Services.AddHostedService<DemoTrafficWorker>();
        return builder;
    }
}
