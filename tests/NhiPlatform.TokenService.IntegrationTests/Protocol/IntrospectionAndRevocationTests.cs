using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

[Collection(ServersCollection.Name)]
public sealed class IntrospectionAndRevocationTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> IntrospectAsync(string clientId, string secret, string token)
    {
        using var response = await _host.PostFormAsync("/connect/introspect", clientId, secret, new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Introspect_ActiveToken_ReturnsItsClaims()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);

        var body = await IntrospectAsync(clientId, secret, token);

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(clientId, body.GetProperty("client_id").GetString());
        Assert.Equal(clientId, body.GetProperty("sub").GetString());
        Assert.Equal("echo.read", body.GetProperty("scope").GetString());
        Assert.Equal(new JsonWebToken(token).Id, body.GetProperty("jti").GetString());
        Assert.Equal(TokenServiceTestHost.Issuer, body.GetProperty("iss").GetString());
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")]
    public async Task Introspect_Garbage_IsInactiveOnly(string token)
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        var body = await IntrospectAsync(clientId, secret, token);

        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Single(body.EnumerateObject());
    }

    [Fact]
    public async Task Introspect_WithoutClientAuthentication_IsInvalidClient()
    {
        using var response = await _host.Client.PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "x" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Introspect_WithoutToken_IsInvalidRequest()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        using var response = await _host.PostFormAsync("/connect/introspect", clientId, secret, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Revoke_OwnToken_StoresJtiUntilExpiry_Publishes_AndIntrospectsInactive()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);
        var jwt = new JsonWebToken(token);
        var messages = new List<RevocationMessage>();
        var subscriber = _host.Host.Services.GetService(typeof(IConnectionMultiplexer)) as IConnectionMultiplexer;
        await subscriber!.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NhiRevocation.Channel), (_, value) =>
        {
            lock (messages)
            {
                messages.Add(JsonSerializer.Deserialize(value.ToString(), RevocationJsonContext.Default.RevocationMessage)!);
            }
        });

        using var revoked = await _host.PostFormAsync("/connect/revoke", clientId, secret, new() { ["token"] = token, ["token_type_hint"] = "access_token" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(new DateTimeOffset(jwt.ValidTo).ToUnixTimeSeconds(), (long)(await _host.Redis.SortedSetScoreAsync(NhiRevocation.RevokedTokensKey, jwt.Id))!);
        Assert.False((await IntrospectAsync(clientId, secret, token)).GetProperty("active").GetBoolean());
        var message = await Eventually.TrueAsync(() => Task.FromResult(messages.ToArray()), m => m.Any(x => x.TokenId == jwt.Id));
        Assert.Contains(message, m => m.Kind == RevocationMessage.TokenKind && m.ExpiresAt == new DateTimeOffset(jwt.ValidTo));
    }

    [Fact]
    public async Task Revoke_SomeoneElsesToken_Is200ButLeavesItActive()
    {
        var (owner, ownerSecret) = await _host.RegisterAsync("echo.read");
        var (other, otherSecret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(owner, ownerSecret);

        using var revoked = await _host.PostFormAsync("/connect/revoke", other, otherSecret, new() { ["token"] = token });
        using var garbage = await _host.PostFormAsync("/connect/revoke", other, otherSecret, new() { ["token"] = "garbage" });
        using var refresh = await _host.PostFormAsync("/connect/revoke", other, otherSecret, new() { ["token"] = token, ["token_type_hint"] = "refresh_token" });

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Equal("unsupported_token_type", (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.True((await IntrospectAsync(other, otherSecret, token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspect_TokenOfDisabledIdentity_IsInactive()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var (observer, observerSecret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);

        (await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable")).Dispose();
        (await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/enable")).Dispose();

        // Enabled again, but the cut-off published on disable still invalidates tokens issued before it.
        await Eventually.ValueAsync(() => _host.Redis.HashGetAsync(NhiRevocation.IdentityCutoffsKey, clientId));
        Assert.False((await IntrospectAsync(observer, observerSecret, token)).GetProperty("active").GetBoolean());
    }
}
