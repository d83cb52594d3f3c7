using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// Calls through the gateway as the demo identities, on a schedule, so the map, findings and queries fill within a
/// minute: storefront places orders (orders → billing follows), the nightly job reads them and is refused billing,
/// the legacy batch uses one of its five scopes, the CRM sync calls once, and a hidden caller presents tokens from
/// an issuer nobody registered.
/// </summary>
internal sealed class DemoTrafficWorker(IHttpClientFactory clients, TimeProvider timeProvider, ILogger<DemoTrafficWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var foreignToken = CreateForeignToken(timeProvider.GetUtcNow().UtcDateTime);
        await SendAsync(DemoIdentities.DormantSync.ClientId, HttpMethod.Get, "svc/orders/orders", null, stoppingToken);
        for (var second = 0L; !stoppingToken.IsCancellationRequested; second++)
        {
            if (second % 2 == 0)
            {
                await SendAsync(DemoIdentities.Storefront.ClientId, HttpMethod.Post, "svc/orders/orders",
                    new { amountCents = 1_000 + (second % 50) * 100 }, stoppingToken);
            }

            if (second % 3 == 0)
            {
                await SendAsync(DemoIdentities.NightlyReport.ClientId, HttpMethod.Get, "svc/orders/orders", null, stoppingToken);
            }

            if (second % 5 == 0)
            {
                await SendAsync(DemoIdentities.LegacyBatch.ClientId, HttpMethod.Get, "svc/orders/orders", null, stoppingToken);
            }

            if (second % 30 == 7)
            {
                await SendAsync(DemoIdentities.NightlyReport.ClientId, HttpMethod.Post, "svc/billing/charges",
                    new { orderId = "ord_report", amountCents = 1 }, stoppingToken);
            }

            if (second % 10 == 3)
            {
                await SendAsync(DemoTrafficServiceCollectionExtensions.HiddenCallerClient, HttpMethod.Get, "svc/billing/charges", null, stoppingToken,
                    foreignToken);
            }

            await Task.Delay(Tick, timeProvider, stoppingToken);
        }
    }

    private async Task SendAsync(string client, HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        string? bearer = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (bearer is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            }

            using var response = await clients.CreateClient(client).SendAsync(request, cancellationToken);
            DemoTrafficLog.Called(logger, client, method.Method, path, (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or NhiPlatform.Client.NhiAccessTokenException)
        {
            DemoTrafficLog.CallFailed(logger, client, method.Method, path, exception.Message);
        }
    }

    /// <summary>A well-formed token signed by a key the platform never saw: what a forgotten integration presents.</summary>
    private static string CreateForeignToken(DateTime now)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "legacy-1" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = DemoIdentities.ForeignIssuer,
            Audience = "nhi-gateway",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddDays(365),
            Claims = new Dictionary<string, object> { ["sub"] = "cron-backup", ["scope"] = "billing.charge" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
