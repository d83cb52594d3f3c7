using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Protocol;

[Collection(ServersCollection.Name)]
public sealed class PrivateKeyJwtTests(LocalServersFixture servers) : IAsyncLifetime
{
    private const string TokenEndpoint = TokenServiceTestHost.Issuer + "/connect/token";
    private readonly ClientAssertions _keys = new();
    private TokenServiceTestHost _host = null!;
    private string _clientId = null!;

    public async Task InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync(servers);
        (_clientId, _) = await _host.RegisterAsync("echo.read");
        using var added = await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{_clientId}/credentials", new { jwk = _keys.PublicJwk });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _keys.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form) =>
        await _host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Theory]
    [InlineData(TokenEndpoint)]
    [InlineData(TokenServiceTestHost.Issuer)]
    public async Task Token_ValidAssertion_IssuesToken(string audience)
    {
        using var response = await PostAsync(ClientAssertions.Form(_keys.Create(_clientId, audience)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo.read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_ReplayedAssertion_IsInvalidClient()
    {
        var assertion = _keys.Create(_clientId, TokenEndpoint);

        using var first = await PostAsync(ClientAssertions.Form(assertion));
        using var replay = await PostAsync(ClientAssertions.Form(assertion));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("invalid_client", await ErrorAsync(replay));
    }

    [Fact]
    public async Task Token_ReplayedAcrossReplicas_IsInvalidClient()
    {
        await using var second = await TokenServiceTestHost.StartAsync(servers, _host.Environment, _host.StateDirectory);
        var assertion = _keys.Create(_clientId, TokenEndpoint);

        using var first = await PostAsync(ClientAssertions.Form(assertion));
        using var replay = await second.Client.PostAsync("/connect/token", new FormUrlEncodedContent(ClientAssertions.Form(assertion)));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Token_BadAssertions_AreInvalidClient()
    {
        using var otherKey = new ClientAssertions();
        var cases = new[]
        {
            _keys.Create(_clientId, "https://elsewhere.test/token"),
            _keys.Create(_clientId, TokenEndpoint, lifetime: TimeSpan.FromHours(2)),
            _keys.Create(_clientId, TokenEndpoint, lifetime: TimeSpan.FromMinutes(-5)),
            _keys.Create(_clientId, TokenEndpoint, issuer: "someone-else"),
            otherKey.Create(_clientId, TokenEndpoint),
            "not.a.jwt",
        };

        foreach (var assertion in cases)
        {
            using var response = await PostAsync(ClientAssertions.Form(assertion));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid_client", await ErrorAsync(response));
        }
    }

    [Fact]
    public async Task Token_AssertionWithWrongTypeOrAlsoSecret_IsInvalidRequest()
    {
        var form = ClientAssertions.Form(_keys.Create(_clientId, TokenEndpoint));
        form["client_assertion_type"] = "urn:example:other";
        using var wrongType = await PostAsync(form);
        var both = ClientAssertions.Form(_keys.Create(_clientId, TokenEndpoint), new() { ["client_secret"] = "nhi_sk_x" });
        using var twoMethods = await PostAsync(both);

        Assert.Equal("invalid_request", await ErrorAsync(wrongType));
        Assert.Equal("invalid_request", await ErrorAsync(twoMethods));
    }

    [Fact]
    public async Task Introspect_WithPrivateKeyJwt_Works()
    {
        var (other, otherSecret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(other, otherSecret);
        var form = ClientAssertions.Form(_keys.Create(_clientId, TokenServiceTestHost.Issuer + "/connect/introspect"), new() { ["token"] = token });
        form.Remove("grant_type");

        using var response = await _host.Client.PostAsync("/connect/introspect", new FormUrlEncodedContent(form));

        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
    }
}
