using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class GatewayTests(LocalServersFixture servers) : IAsyncLifetime
{
    private GatewayTestTopology _topology = null!;

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers);

    public async Task DisposeAsync() => await _topology.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(string path, string? token = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _topology.Client.SendAsync(request);
    }

    /// <summary>Usage events for <paramref name="path"/>, waiting (bounded) until <paramref name="expected"/> have arrived.</summary>
    private Task<List<UsageRecordedEvent>> UsageForAsync(string path, int expected) =>
        UsageStream.WaitForAsync(_topology.Environment.RedisConnectionString, e => e.Path == path, expected, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Echo_ValidToken_ForwardsVerifiedIdentityOnly()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret, "echo.read");

        using var response = await GetAsync("/svc/echo/hello", token,
            ("X-Nhi-Client-Id", "spoofed-admin"), ("X-Nhi-Scopes", "nhi.admin"), ("x-nhi-whatever", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("/hello", echo.GetProperty("path").GetString());
        Assert.Equal(clientId, echo.GetProperty("identity").GetProperty("clientId").GetString());
        Assert.Equal("echo.read", echo.GetProperty("identity").GetProperty("scopes").GetString());
        Assert.False(echo.GetProperty("authorizationForwarded").GetBoolean());
        var headerNames = echo.GetProperty("headers").EnumerateObject().Select(h => h.Name.ToLowerInvariant()).ToList();
        Assert.DoesNotContain("x-nhi-whatever", headerNames);
        Assert.DoesNotContain("spoofed-admin", echo.GetProperty("headers").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_NoToken_Is401AndRecorded()
    {
        using var response = await GetAsync("/svc/echo/no-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Both schemes are offered (RFC 9449 §7.1), Bearer first.
        Assert.Equal(["Bearer", "DPoP"], response.Headers.WwwAuthenticate.Select(c => c.Scheme));
        var usage = Assert.Single(await UsageForAsync("/svc/echo/no-token", 1));
        Assert.Equal(UsageDecisions.Denied, usage.Decision);
        Assert.Equal(UsageReasons.MissingToken, usage.Reason);
        Assert.Equal("echo", usage.RouteId);
        Assert.Null(usage.ClientId);
    }

    [Fact]
    public async Task Echo_TokenWithoutScope_Is403AndRecordedWithClient()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.write");
        var token = await _topology.GetTokenAsync(clientId, secret);

        using var response = await GetAsync("/svc/echo/no-scope", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var usage = Assert.Single(await UsageForAsync("/svc/echo/no-scope", 1));
        Assert.Equal(clientId, usage.ClientId);
        Assert.Equal(UsageReasons.InsufficientScope, usage.Reason);
    }

    [Fact]
    public async Task Echo_ForeignIssuerToken_Is401AndRevealsUnverifiedIssuer()
    {
        var foreignKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "foreign" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = "https://shadow-idp.example",
            Audience = "nhi-gateway",
            Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "legacy-cron")]),
            Claims = new Dictionary<string, object> { ["scope"] = "echo.read", ["client_id"] = "legacy-cron" },
            SigningCredentials = new SigningCredentials(foreignKey, SecurityAlgorithms.RsaSha256),
        });

        using var response = await GetAsync("/svc/echo/foreign", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var usage = Assert.Single(await UsageForAsync("/svc/echo/foreign", 1));
        Assert.Null(usage.ClientId);
        Assert.Equal("https://shadow-idp.example", usage.UnverifiedIssuer);
        Assert.Equal("legacy-cron", usage.UnverifiedSubject);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer !!!.@@@.###")]
    [InlineData("Basic Zm9vOmJhcg==")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Echo_MalformedAuthorization_Is401NeverServerError(string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/svc/echo/malformed");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await _topology.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_ThroughGateway_IsAnonymous()
    {
        using var response = await GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GatewayTestTopology.Issuer, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task UnknownPath_AnonymousIs401_AuthenticatedIs404_BothRecorded()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret);

        using var anonymous = await GetAsync("/no/such/route");
        using var authenticated = await GetAsync("/no/such/route", token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authenticated.StatusCode);
        var usage = await UsageForAsync("/no/such/route", 2);
        Assert.Equal(2, usage.Count);
        Assert.Contains(usage, u => u.Status == 404 && u.ClientId == clientId && u.Reason == UsageReasons.NoRoute);
    }

    [Fact]
    public async Task EveryRequest_YieldsExactlyOneUsageEvent()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret);
        const int requests = 50;

        for (var i = 0; i < requests; i++)
        {
            using var response = await GetAsync("/svc/echo/counted", i % 2 == 0 ? token : null);
        }

        var usage = await UsageForAsync("/svc/echo/counted", requests);
        Assert.Equal(requests, usage.Count);
        Assert.Equal(requests, usage.Select(u => u.EventId).Distinct().Count());
        Assert.Equal(requests / 2, usage.Count(u => u.Status == 200));
        Assert.Equal(0, _topology.Gateway.Services.GetService(typeof(UsageMetrics)) is UsageMetrics metrics ? metrics.DroppedTotal : -1);
    }

    [Fact]
    public async Task RouteWithoutPolicy_GatewayRefusesToStart()
    {
        var settings = GatewayTestTopology.GatewaySettings(_topology.Environment, _topology.Tokens.BaseAddress, _topology.Echo.BaseAddress);
        settings["ReverseProxy:Routes:open:ClusterId"] = "echo";
        settings["ReverseProxy:Routes:open:Match:Path"] = "/open/{**rest}";
        await using var gateway = new ServiceHost<UsageOptions>(settings);

        var exception = Record.Exception(gateway.Start);

        Assert.NotNull(exception);
        Assert.Contains("'open' declares no AuthorizationPolicy", exception.ToString(), StringComparison.Ordinal);
    }
}
