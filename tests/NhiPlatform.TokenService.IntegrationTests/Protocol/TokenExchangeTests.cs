using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

/// <summary>RFC 8693: a service exchanges a token it received for a narrower one to a downstream audience.</summary>
[Collection(ServersCollection.Name)]
public sealed class TokenExchangeTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";
    private TokenServiceTestHost _host = null!;
    private string _frontendSecret = null!, _ordersSecret = null!;

    public async Task InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync(servers);
        _frontendSecret = (await _host.CreateAsync(new
        {
            clientId = "frontend", displayName = "f", owner = "o", purpose = "p", allowedScopes = new[] { "orders.read", "orders.write", "billing.read" },
        })).GetProperty("clientSecret").GetString()!;
        _ordersSecret = (await _host.CreateAsync(new
        {
            clientId = "orders", displayName = "o", owner = "o", purpose = "p", allowedScopes = new[] { "billing.read", "billing.charge", "orders.read" },
            allowedAudiences = new[] { "https://billing.internal" },
        })).GetProperty("clientSecret").GetString()!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> ExchangeAsync(string subjectToken, string? scope, string? resource = "https://billing.internal")
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = AccessTokenType,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        if (resource is not null)
        {
            form["resource"] = resource;
        }

        return _host.PostFormAsync("/connect/token", "orders", _ordersSecret, form);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task Exchange_NarrowerTokenForDownstream_CarriesActClaim()
    {
        var subject = await _host.GetTokenAsync("frontend", _frontendSecret, "orders.read billing.read");

        using var response = await ExchangeAsync(subject, "billing.read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AccessTokenType, body.GetProperty("issued_token_type").GetString());
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("frontend", token.Subject);
        Assert.Equal("orders", token.GetClaim("client_id").Value);
        Assert.Equal("billing.read", token.GetClaim("scope").Value);
        Assert.Equal(["https://billing.internal"], token.Audiences);
        Assert.Equal("orders", token.GetPayloadValue<JsonElement>("act").GetProperty("sub").GetString());
        Assert.True(token.ValidTo <= new JsonWebToken(subject).ValidTo);
    }

    [Theory]
    [InlineData("billing.charge")]
    [InlineData("orders.write")]
    public async Task Exchange_ScopeBeyondSubjectOrActor_IsInvalidScope(string scope)
    {
        // billing.charge: the actor may, the subject token does not carry it; orders.write: the subject may, the actor may not.
        var subject = await _host.GetTokenAsync("frontend", _frontendSecret, "orders.read orders.write billing.read");

        using var response = await ExchangeAsync(subject, scope);

        Assert.Equal("invalid_scope", await ErrorAsync(response));
    }

    [Fact]
    public async Task Exchange_ScopeOmitted_GetsIntersectionOnly()
    {
        var subject = await _host.GetTokenAsync("frontend", _frontendSecret, "orders.read orders.write billing.read");

        using var response = await ExchangeAsync(subject, scope: null);

        Assert.Equal("orders.read billing.read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Exchange_AudienceNotAllowedToActor_IsInvalidTarget()
    {
        var subject = await _host.GetTokenAsync("frontend", _frontendSecret, "billing.read");

        using var response = await ExchangeAsync(subject, "billing.read", "https://payments.internal");

        Assert.Equal("invalid_target", await ErrorAsync(response));
    }

    [Fact]
    public async Task Exchange_InvalidOrRevokedSubject_IsInvalidGrant()
    {
        var subject = await _host.GetTokenAsync("frontend", _frontendSecret, "billing.read");
        using var revoke = await _host.PostFormAsync("/connect/revoke", "frontend", _frontendSecret, new() { ["token"] = subject });

        using var revoked = await ExchangeAsync(subject, "billing.read");
        using var garbage = await ExchangeAsync("garbage", "billing.read");

        Assert.Equal("invalid_grant", await ErrorAsync(revoked));
        Assert.Equal("invalid_grant", await ErrorAsync(garbage));
    }

    [Fact]
    public async Task Exchange_MissingSubjectTokenType_IsInvalidRequest()
    {
        using var response = await _host.PostFormAsync("/connect/token", "orders", _ordersSecret, new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["subject_token"] = "x",
        });

        Assert.Equal("invalid_request", await ErrorAsync(response));
    }
}
