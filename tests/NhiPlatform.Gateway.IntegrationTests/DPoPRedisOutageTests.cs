using System.Net;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// Redis stopped: a DPoP proof cannot be recorded as used, so DPoP requests are refused (503, fail closed, said in the
/// answer) while bearer tokens keep working; once Redis is back DPoP works again.
/// </summary>
[Collection(RedisOutageCollection.Name)]
public sealed class DPoPRedisOutageTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string Path = "/svc/echo/dpop-outage";
    private const string Url = GatewayTestTopology.Issuer + Path;
    private GatewayTestTopology _topology = null!;
    private readonly DPoPTestKey _key = new();

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers);

    public async Task DisposeAsync()
    {
        if (!servers.IsRedisRunning)
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }

        await _topology.DisposeAsync();
        _key.Dispose();
    }

    private async Task<HttpResponseMessage> CallAsync(string scheme, string token, string? proof)
    {
        using var request = DPoPTestClient.Call(HttpMethod.Get, Path, scheme, token, proof);
        return await _topology.Client.SendAsync(request);
    }

    [Fact]
    public async Task RedisStopped_DPoPRefusedFailClosed_BearerServed_ThenDPoPAgain()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var bound = (await new DPoPTestClient(_topology.Client).GetBoundTokenAsync(clientId, secret, _key)).GetProperty("access_token").GetString()!;
        var bearer = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        using var before = await CallAsync("DPoP", bound, _key.Proof("GET", Url, bound));

        await servers.StopRedisAsync();
        using var during = await CallAsync("DPoP", bound, _key.Proof("GET", Url, bound));
        using var bearerDuring = await CallAsync("Bearer", bearer, proof: null);
        var body = await during.Content.ReadAsStringAsync();
        await servers.StartRedisAsync(CancellationToken.None);
        var after = await AfterReconnectAsync(bound);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Contains("temporarily_unavailable", body, StringComparison.Ordinal);
        Assert.Contains("fail closed", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bearerDuring.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    /// <summary>The gateway's Redis connection comes back on its own: a new proof each try, for at most 30 s.</summary>
    private async Task<HttpStatusCode> AfterReconnectAsync(string bound)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await CallAsync("DPoP", bound, _key.Proof("GET", Url, bound));
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                return response.StatusCode;
            }

            await Task.Delay(200);
        }
    }
}
