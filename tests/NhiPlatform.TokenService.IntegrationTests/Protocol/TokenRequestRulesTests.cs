using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

/// <summary>Default scopes, resource indicators (RFC 8707) and per-identity lifetimes.</summary>
[Collection(ServersCollection.Name)]
public sealed class TokenRequestRulesTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync(servers);
        _secret = (await _host.CreateAsync(new
        {
            clientId = "rules", displayName = "r", owner = "o", purpose = "p",
            allowedScopes = new[] { "orders.read", "orders.write" }, defaultScopes = new[] { "orders.read" },
            allowedAudiences = new[] { "https://orders.internal" }, tokenLifetimeSeconds = 90,
        })).GetProperty("clientSecret").GetString()!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form)
    {
        form["grant_type"] = "client_credentials";
        return _host.PostFormAsync("/connect/token", "rules", _secret, form);
    }

    [Fact]
    public async Task Token_ScopeOmitted_GetsDefaultScopesAndIdentityLifetime()
    {
        using var response = await TokenAsync([]);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("orders.read", body.GetProperty("scope").GetString());
        Assert.Equal(90, body.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Token_AllowedResource_BecomesAudience()
    {
        using var response = await TokenAsync(new() { ["resource"] = "https://orders.internal", ["scope"] = "orders.write" });

        var token = new JsonWebToken((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal(["https://orders.internal"], token.Audiences);
    }

    [Fact]
    public async Task Token_OtherResource_IsInvalidTarget()
    {
        using var other = await TokenAsync(new() { ["resource"] = "https://payments.internal" });
        using var content = new StringContent("grant_type=client_credentials&resource=https%3A%2F%2Fa&resource=https%3A%2F%2Fb",
            System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = content };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"rules:{_secret}")));
        using var two = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("invalid_target", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal("invalid_target", (await two.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
