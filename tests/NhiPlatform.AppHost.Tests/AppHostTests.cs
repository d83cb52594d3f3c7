using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost.Tests;

/// <summary>The Aspire topology end to end, through the gateway only, as a workload and an operator use it.</summary>
public sealed class AppHostTests(AppHostFixture platform) : IClassFixture<AppHostFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan UsagePollInterval = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Platform_StartsHealthy_AndRecordsAThinPathCall()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var cancellationToken = timeout.Token;
        using var gateway = platform.App.CreateHttpClient(NhiResources.Gateway);
        var admin = await platform.ReadBootstrapCredentialsAsync(cancellationToken);
        var adminToken = await GetTokenAsync(
            gateway, admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}", cancellationToken);

        var (clientId, clientSecret) = await CreateIdentityAsync(gateway, adminToken, cancellationToken);
        var token = await GetTokenAsync(gateway, clientId, clientSecret, NhiScopes.EchoRead, cancellationToken);
        var path = $"/svc/echo/apphost-{Guid.NewGuid():N}";
        using var echoRequest = WithBearer(new HttpRequestMessage(HttpMethod.Get, path), token);
        using var echo = await gateway.SendAsync(echoRequest, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        var echoed = await echo.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal(clientId, echoed.GetProperty("identity").GetProperty("clientId").GetString());
        var usage = await WaitForUsageAsync(gateway, adminToken, path, cancellationToken);
        Assert.Equal(clientId, usage.GetProperty("clientId").GetString());
        Assert.Equal(200, usage.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Gateway_CallWithoutToken_Is401()
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        using var gateway = platform.App.CreateHttpClient(NhiResources.Gateway);

        using var response = await gateway.GetAsync(new Uri("/svc/echo/x", UriKind.Relative), timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary><c>client_credentials</c> with HTTP Basic client authentication (RFC 6749 §2.3.1, §4.4).</summary>
    private static async Task<string> GetTokenAsync(
        HttpClient gateway, string clientId, string clientSecret, string scope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = scope,
            }),
        };
        var basic = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        using var response = await gateway.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("access_token").GetString() ?? throw new InvalidDataException("No access_token.");
    }

    private static async Task<(string ClientId, string ClientSecret)> CreateIdentityAsync(
        HttpClient gateway, string adminToken, CancellationToken cancellationToken)
    {
        using var request = WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                displayName = "apphost-test",
                owner = "team-platform",
                purpose = "AppHost test",
                allowedScopes = new[] { NhiScopes.EchoRead },
            }),
        }, adminToken);
        using var response = await gateway.SendAsync(request, cancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>
    /// The usage the inventory recorded for <paramref name="path"/>: the gateway emits it asynchronously and the
    /// inventory ingests it in batches, so poll, for at most <see cref="UsageTimeout"/>.
    /// </summary>
    private static async Task<JsonElement> WaitForUsageAsync(
        HttpClient gateway, string adminToken, string path, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < UsageTimeout)
        {
            var query = $"/api/inventory/usage?path={Uri.EscapeDataString(path)}";
            using var request = WithBearer(new HttpRequestMessage(HttpMethod.Get, query), adminToken);
            using var response = await gateway.SendAsync(request, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("items");
            if (items.GetArrayLength() > 0)
            {
                return Assert.Single(items.EnumerateArray());
            }

            await Task.Delay(UsagePollInterval, cancellationToken);
        }

        Assert.Fail($"No usage of {path} was recorded within {UsageTimeout}.");
        return default;
    }

    private static HttpRequestMessage WithBearer(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
