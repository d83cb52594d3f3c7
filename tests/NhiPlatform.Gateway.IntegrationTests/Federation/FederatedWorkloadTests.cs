using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Federation;

namespace NhiPlatform.Gateway.IntegrationTests.Federation;

/// <summary>
/// End to end through the gateway: a workload whose identity keeps no usable secret presents its Kubernetes
/// service-account token (from a real issuer on loopback), gets an access token and calls a route; the usage event
/// says it authenticated by federation, with which credential.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FederatedWorkloadTests(LocalServersFixture servers) : IAsyncLifetime
{
    private GatewayTestTopology _topology = null!;
    private ExternalIssuer _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ExternalIssuer.StartAsync();
        _topology = await GatewayTestTopology.StartAsync(servers, tokenSettings: new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await _topology.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _topology.GetAdminTokenAsync());
        return await _topology.Client.SendAsync(request);
    }

    [Fact]
    public async Task Workload_WithoutStoredSecret_GetsTokenByFederationAndCallsRoute()
    {
        var (clientId, _) = await _topology.RegisterAsync("echo.read");
        using var added = await AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/federated-credentials",
            new { name = "orders-pod", issuer = _cluster.Issuer, subject = "system:serviceaccount:shop:orders" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        // The secret it was registered with goes: from now on the cluster's token is its only credential.
        using var credentials = await AdminAsync(HttpMethod.Get, $"/api/admin/identities/{clientId}/credentials");
        var secretId = (await credentials.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "client_secret").GetProperty("credentialId").GetString();
        using var revoked = await AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/{secretId}/revoke", new { reason = "federated" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        // The revocation cuts off tokens issued up to the next whole second (iat has seconds).
        await Task.Delay(TimeSpan.FromMilliseconds(1100));

        using var tokenResponse = await _topology.Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["scope"] = "echo.read",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = _cluster.KubernetesToken("shop", "orders", GatewayTestTopology.Issuer + "/connect/token"),
        }));
        Assert.True(tokenResponse.IsSuccessStatusCode, await tokenResponse.Content.ReadAsStringAsync());
        var accessToken = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var call = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/federated");
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _topology.Client.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(clientId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identity").GetProperty("clientId").GetString());
        var usage = await UsageStream.WaitForAsync(_topology.Environment.RedisConnectionString, u => u.Path == "/svc/echo/federated", 1, TimeSpan.FromSeconds(10));
        Assert.Equal(NhiAuthenticationMethods.Federated, Assert.Single(usage).AuthenticationMethod);
        Assert.NotNull(usage[0].CredentialId);
    }
}
