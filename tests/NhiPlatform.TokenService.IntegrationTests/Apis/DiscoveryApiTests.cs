using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Testing;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class DiscoveryApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/oauth-authorization-server")]
    public async Task Metadata_Anonymous_DescribesTheServer(string path)
    {
        var metadata = await _host.Client.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(TokenServiceTestHost.Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal($"{TokenServiceTestHost.Issuer}/connect/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{TokenServiceTestHost.Issuer}/.well-known/jwks.json", metadata.GetProperty("jwks_uri").GetString());
        Assert.Contains("client_credentials", metadata.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("client_secret_basic", metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Jwks_PublicKeysOnly_ValidateIssuedTokens()
    {
        var jwksJson = await _host.Client.GetStringAsync("/.well-known/jwks.json");
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        var token = await _host.GetTokenAsync(clientId, secret);

        var jwks = new JsonWebKeySet(jwksJson);
        Assert.All(jwks.Keys, key =>
        {
            Assert.Equal("RSA", key.Kty);
            Assert.Equal("sig", key.Use);
            Assert.Null(key.D);
            Assert.Null(key.P);
        });
        var parameters = AccessTokenValidationParameters.Create(TokenServiceTestHost.Issuer, "nhi-gateway");
        parameters.IssuerSigningKeys = jwks.GetSigningKeys();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
    }
}
