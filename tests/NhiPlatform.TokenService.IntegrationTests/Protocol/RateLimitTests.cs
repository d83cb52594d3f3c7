using System.Net;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

/// <summary>
/// Limits counted in Redis: low limits here, and two replicas share one budget. The test's own loopback address
/// (127.0.0.1) stands for the gateway, the one trusted proxy; other loopback addresses are direct callers.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RateLimitTests(LocalServersFixture servers) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Nhi:Tokens:RateLimits:TokenRequestsPerClient"] = "3",
        ["Nhi:Tokens:RateLimits:FailedAuthenticationsPerClientAndSource"] = "3",
        ["Nhi:Tokens:RateLimits:Window"] = "00:10:00",
        ["Nhi:TrustedProxies:0"] = "127.0.0.1",
    };

    private TokenServiceTestHost _host = null!;
    private TokenServiceTestHost _replica = null!;

    public async Task InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync(servers, settings: Limits);
        _replica = await TokenServiceTestHost.StartAsync(servers, _host.Environment, _host.StateDirectory, Limits);
    }

    public async Task DisposeAsync()
    {
        await _replica.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Token_OverPerClientLimitAcrossReplicas_Is429WithRetryAfter()
    {
        var admin = await _host.ReadBootstrapAsync();
        var secret = (await _host.CreateAsync(new { clientId = "busy", displayName = "b", owner = "o", purpose = "p", allowedScopes = new[] { "a" } }))
            .GetProperty("clientSecret").GetString()!;
        Assert.NotNull(admin);

        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("busy", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _replica.RequestTokenAsync("busy", secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("busy", secret)).StatusCode);
        using var limited = await _replica.RequestTokenAsync("busy", secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        Assert.Equal("no-store", limited.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task FailedAuthentications_OverTheLimit_BlockTheClientFromThatSourceEvenWithRightSecret()
    {
        var (clientId, secret) = await _host.RegisterAsync("a");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await _replica.RequestTokenAsync(clientId, "nhi_sk_wrong")).StatusCode);
        }

        using var fourth = await _host.RequestTokenAsync(clientId, "nhi_sk_wrong");
        using var valid = await _host.RequestTokenAsync(clientId, secret);
        using var otherSource = await _host.Client.SendAsync(Forwarded(clientId, secret, "203.0.113.9"));

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, valid.StatusCode);
        Assert.NotNull(valid.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, otherSource.StatusCode);
    }

    [Fact]
    public async Task FailedAuthentications_OfOneClient_NeverBlockAnotherClientFromTheSameSource()
    {
        var (victim, victimSecret) = await _host.RegisterAsync("a");
        var (target, _) = await _host.RegisterAsync("a");

        for (var i = 0; i < 4; i++)
        {
            using var refused = await _host.RequestTokenAsync(target, "nhi_sk_wrong");
        }

        using var targetBlocked = await _host.RequestTokenAsync(target, "nhi_sk_wrong");
        using var victimServed = await _host.RequestTokenAsync(victim, victimSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, targetBlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, victimServed.StatusCode);
    }

    [Fact]
    public async Task DirectCaller_MadeUpForwardedFor_CountsAgainstItsOwnAddress_AndLocksOutNoOne()
    {
        var (clientId, secret) = await _host.RegisterAsync("a");
        using var direct = SourceAddressClient.Create(_host.Host.BaseAddress, IPAddress.Parse("127.0.0.88"));

        // A fresh made-up address each time would be a fresh budget each time if the header were believed.
        for (var i = 0; i < 3; i++)
        {
            using var refused = await direct.SendAsync(Forwarded(clientId, "nhi_sk_wrong", $"198.51.100.{i + 1}"));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var blocked = await direct.SendAsync(Forwarded(clientId, secret, "198.51.100.99"));
        using var viaGateway = await _host.Client.SendAsync(Forwarded(clientId, secret, "198.51.100.1"));

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaGateway.StatusCode);
    }

    private static HttpRequestMessage Forwarded(string clientId, string secret, string source)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        request.Headers.Add("X-Forwarded-For", source);
        return request;
    }
}
