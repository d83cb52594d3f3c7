using System.Text.Json;
using NhiPlatform.Client;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Samples.Orders.Extensions;

internal static class OrdersServiceCollectionExtensions
{
    public const string BillingClientName = "billing";

    /// <summary>
    /// The billing client: through the gateway (the issuer's URL), as the orders identity whose credentials file the
    /// demo seeding wrote (mode 600; same shape as bootstrap.json).
    /// </summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration[NhiConfigurationKeys.Issuer]
            ?? throw new InvalidOperationException($"Configuration '{NhiConfigurationKeys.Issuer}' (the gateway's URL) is required.");
        var file = builder.Configuration[NhiConfigurationKeys.SampleCredentialsFile]
            ?? throw new InvalidOperationException($"Configuration '{NhiConfigurationKeys.SampleCredentialsFile}' is required.");
        var credentials = JsonSerializer.Deserialize(File.ReadAllText(file), LocalRunJsonContext.Default.BootstrapCredentials)
            ?? throw new InvalidOperationException($"{file} is empty.");

        builder.Services.AddProblemDetails();
        builder.Services.AddHttpClient(BillingClientName, client => client.BaseAddress = new Uri($"{issuer.TrimEnd('/')}/svc/billing/"))
            .AddNhiAccessToken(options =>
            {
                options.Authority = new Uri(issuer);
                options.ClientId = credentials.ClientId;
                options.ClientSecret = credentials.ClientSecret;
                options.Scope = NhiScopes.BillingCharge;
            });
        return builder;
    }
}
