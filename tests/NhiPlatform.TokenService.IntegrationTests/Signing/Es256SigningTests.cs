using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Testing;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.TokenService.IntegrationTests.Signing;

[Collection(ServersCollection.Name)]
public sealed class Es256SigningTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers,
        settings: new Dictionary<string, string?> { ["Nhi:Tokens:Signing:Algorithm"] = "ES256" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Token_WithEs256Configured_IsSignedEs256AndValidatesWithJwks()
    {
        var admin = await _host.ReadBootstrapAsync();
        var token = await _host.GetTokenAsync(admin.ClientId, admin.ClientSecret);

        var jwks = new JsonWebKeySet(await _host.Client.GetStringAsync("/.well-known/jwks.json"));
        var parameters = AccessTokenValidationParameters.Create(TokenServiceTestHost.Issuer, "nhi-gateway");
        parameters.IssuerSigningKeys = jwks.GetSigningKeys();

        Assert.Equal("ES256", new JsonWebToken(token).Alg);
        Assert.Equal("EC", Assert.Single(jwks.Keys).Kty);
        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid);
    }
}
