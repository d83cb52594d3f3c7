using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class ConnectApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Fact]
    public async Task Token_ClientSecretBasic_IssuesRfc9068AccessToken()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read", "echo.write");

        using var response = await _host.RequestTokenAsync(clientId, secret, "echo.read");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("echo.read", body.GetProperty("scope").GetString());
        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(TokenServiceTestHost.Issuer, token.Issuer);
        Assert.Equal(clientId, token.Subject);
        Assert.Equal(clientId, token.GetClaim("client_id").Value);
        Assert.Equal("echo.read", token.GetClaim("scope").Value);
        Assert.Equal(["nhi-gateway"], token.Audiences);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.ValidFrom);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
    }

    [Fact]
    public async Task Token_ClientSecretPost_IssuesToken()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        using var response = await _host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo.read", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_WrongSecret_IsInvalidClient401WithChallenge()
    {
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        var (_, otherSecret) = await _host.RegisterAsync("echo.read");

        using var response = await _host.RequestTokenAsync(clientId, otherSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await ErrorCodeAsync(response));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("no-such-client", "nhi_sk_0000000000000000000000000000000000000000000000000000000000000000deadbeef")]
    [InlineData("no-such-client", "password")]
    public async Task Token_UnknownOrMalformed_IsInvalidClient(string clientId, string secret)
    {
        using var response = await _host.RequestTokenAsync(clientId, secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Token_NoCredentials_IsInvalidClient()
    {
        using var response = await _host.Client.PostAsync("/connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Token_ScopeNotAllowed_IsInvalidScope()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        using var response = await _host.RequestTokenAsync(clientId, secret, "nhi.admin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Token_OtherGrantType_IsUnsupportedGrantType()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        using var response = await _host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["username"] = "u",
            ["password"] = "p",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("application/json", "{\"grant_type\":\"client_credentials\"}")]
    [InlineData("application/x-www-form-urlencoded", "scope=echo.read")]
    [InlineData("application/x-www-form-urlencoded", "grant_type=client_credentials&grant_type=client_credentials")]
    public async Task Token_MalformedRequest_IsInvalidRequest(string contentType, string body)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        using var response = await _host.Client.PostAsync("/connect/token", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Token_Get_IsNotAllowed()
    {
        using var response = await _host.Client.GetAsync("/connect/token?grant_type=client_credentials");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
