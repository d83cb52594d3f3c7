using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Testing;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Per-route metadata from configuration: all-of / any-of scopes, audience, per-identity rate limit, method-split routes.</summary>
[Collection(ServersCollection.Name)]
public sealed class RoutesTests(LocalServersFixture servers) : IAsyncLifetime
{
    private GatewayTestTopology _topology = null!;
    private ServiceHost<UsageOptions> _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _topology = await GatewayTestTopology.StartAsync(servers);
        _gateway = _topology.StartReplica(settings =>
        {
            AddEchoRoute(settings, "anyof", ("Nhi.Scopes.AnyOf", "echo.read echo.write"));
            AddEchoRoute(settings, "allof", ("Nhi.Scopes.AllOf", "echo.read echo.write"));
            AddEchoRoute(settings, "aud", ("Nhi.Scopes.AllOf", "echo.read"), ("Nhi.Audience", "echo-aud"));
            AddEchoRoute(settings, "limited", ("Nhi.Scopes.AllOf", "echo.read"), ("Nhi.RateLimit.PermitLimit", "3"), ("Nhi.RateLimit.Window", "00:01:00"));
        });
        _client = _gateway.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _topology.DisposeAsync();
    }

    private static void AddEchoRoute(Dictionary<string, string?> settings, string name, params (string Key, string Value)[] metadata)
    {
        var prefix = $"ReverseProxy:Routes:{name}";
        settings[$"{prefix}:ClusterId"] = "echo";
        settings[$"{prefix}:Match:Path"] = $"/svc/{name}/{{**rest}}";
        settings[$"{prefix}:Transforms:0:PathRemovePrefix"] = $"/svc/{name}";
        foreach (var (key, value) in metadata)
        {
            settings[$"{prefix}:Metadata:{key}"] = value;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private Task<string> TokenAsync(string scopes, string[]? audiences = null, string? resource = null) =>
        _topology.RegisterAndGetTokenAsync(scopes, audiences, resource);

    [Theory]
    [InlineData("/svc/anyof/x", "echo.read", HttpStatusCode.OK)]
    [InlineData("/svc/anyof/x", "echo.write", HttpStatusCode.OK)]
    [InlineData("/svc/anyof/x", "nhi.read", HttpStatusCode.Forbidden)]
    [InlineData("/svc/allof/x", "echo.read echo.write", HttpStatusCode.OK)]
    [InlineData("/svc/allof/x", "echo.read", HttpStatusCode.Forbidden)]
    [InlineData("/svc/allof/x", "echo.write", HttpStatusCode.Forbidden)]
    public async Task ScopeMetadata_AllOfAndAnyOf_AreEnforced(string path, string scopes, HttpStatusCode expected)
    {
        using var response = await SendAsync(HttpMethod.Get, path, await TokenAsync(scopes));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal("insufficient_scope", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task AudienceMetadata_OnlyTokensForThatAudiencePass_AndTheyPassNowhereElse()
    {
        var echoAudience = await TokenAsync("echo.read", ["echo-aud"], resource: "echo-aud");
        var gatewayAudience = await TokenAsync("echo.read");

        using var own = await SendAsync(HttpMethod.Get, "/svc/aud/x", echoAudience);
        using var elsewhere = await SendAsync(HttpMethod.Get, "/svc/echo/x", echoAudience);
        using var wrong = await SendAsync(HttpMethod.Get, "/svc/aud/wrong-aud", gatewayAudience);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("error=\"invalid_token\"", wrong.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _topology.EchoRequests.Count("/wrong-aud"));
    }

    [Fact]
    public async Task RateLimitMetadata_PerIdentity_429WithRetryAfter_AndRecorded()
    {
        var first = await TokenAsync("echo.read");
        var second = await TokenAsync("echo.read");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SendAsync(HttpMethod.Get, "/svc/limited/rl", first);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await SendAsync(HttpMethod.Get, "/svc/limited/rl", first);
        using var other = await SendAsync(HttpMethod.Get, "/svc/limited/rl", second);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(4, _topology.EchoRequests.Count("/rl"));
        var usage = await UsageStream.WaitForAsync(_topology.Environment.RedisConnectionString, u => u.Path == "/svc/limited/rl", 5, TimeSpan.FromSeconds(10));
        var denied = Assert.Single(usage, u => u.Status == 429);
        Assert.Equal(UsageReasons.RateLimited, denied.Reason);
        Assert.Equal(UsageDecisions.Denied, denied.Decision);
    }

    [Fact]
    public async Task Inventory_ReadsNeedRead_WritesNeedAdmin_UiIsAnonymous()
    {
        var reader = await TokenAsync("nhi.read");

        // The inventory is a closed port here: "allowed" shows as the forwarder's 502, a denial as 401/403.
        using var get = await SendAsync(HttpMethod.Get, "/api/inventory/usage", reader);
        using var head = await SendAsync(HttpMethod.Head, "/api/inventory/usage", reader);
        using var post = await SendAsync(HttpMethod.Post, "/api/inventory/findings", reader);
        using var delete = await SendAsync(HttpMethod.Delete, "/api/inventory/findings/1", reader);
        using var adminPost = await SendAsync(HttpMethod.Post, "/api/inventory/findings", await _topology.GetAdminTokenAsync());
        using var anonymousGet = await SendAsync(HttpMethod.Get, "/api/inventory/usage", null);
        using var ui = await SendAsync(HttpMethod.Get, "/ui/index.html", null);

        Assert.Equal(HttpStatusCode.BadGateway, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, head.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("scope=\"nhi.admin\"", post.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, adminPost.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousGet.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, ui.StatusCode);
    }

    [Fact]
    public async Task TraceContext_IsForwarded_SpoofedIdentityHeadersAreNot()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/trace");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("echo.read"));
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        request.Headers.TryAddWithoutValidation("X-Nhi-Token-Id", "spoofed");

        // A client that adds no trace context of its own (the test process also has listeners).
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = _gateway.BaseAddress };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        var traceparent = echo.GetProperty("headers").GetProperty("traceparent").GetString();
        Assert.Matches($"^00-{traceId}-[0-9a-f]{{16}}-0[01]$", traceparent);
        Assert.NotEqual("spoofed", echo.GetProperty("identity").GetProperty("tokenId").GetString());
    }

    [Fact]
    public async Task Health_AnonymousGetsNoDetail()
    {
        using var response = await SendAsync(HttpMethod.Get, "/health", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(body, new[] { "Healthy", "Unhealthy", "Degraded" });
        Assert.DoesNotContain("redis", body, StringComparison.OrdinalIgnoreCase);
    }
}
