using System.Net;
using System.Net.Http.Headers;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Attacks;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>The gateway validates locally with the keys it cached: the token service going away stops nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class TokenServiceDownTests(LocalServersFixture servers) : IAsyncLifetime
{
    private GatewayTestTopology _topology = null!;

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers);

    public async Task DisposeAsync() => await _topology.DisposeAsync();

    private async Task<HttpStatusCode> CallAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _topology.Client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task TokenServiceStopped_ValidTokensKeepWorking_UnknownKidsAreStillRefused()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret, "echo.read");

        var tokensAddress = _topology.Tokens.BaseAddress;
        await _topology.Tokens.DisposeAsync();
        using var probe = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => probe.GetAsync(new Uri(tokensAddress, "/health")));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await CallAsync("/svc/echo/tokens-down", token));
        }

        // An unknown kid makes the gateway try to refresh keys from a dead token service: refused, not a 5xx.
        using var attacker = System.Security.Cryptography.RSA.Create(2048);
        var foreign = new AttackTarget(GatewayTestTopology.Issuer, "nhi-gateway", "echo.read", "rotated-key", attacker).Valid();
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync("/svc/echo/tokens-down-unknown-kid", foreign));
        Assert.Equal(HttpStatusCode.OK, await CallAsync("/svc/echo/tokens-down", token));
        Assert.Equal(21, _topology.EchoRequests.Count("/tokens-down"));
    }
}
