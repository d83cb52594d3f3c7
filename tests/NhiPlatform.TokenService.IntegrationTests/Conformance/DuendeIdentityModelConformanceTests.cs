using System.Net;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Testing;
using NhiPlatform.TokenService.IntegrationTests.Protocol;

namespace NhiPlatform.TokenService.IntegrationTests.Conformance;

/// <summary>
/// A standard OAuth client library, unmodified (Duende.IdentityModel), drives discovery, client credentials with a
/// secret and with private_key_jwt, introspection and revocation against the service.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class DuendeIdentityModelConformanceTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await TokenServiceTestHost.StartAsync(servers);
        _client = new HttpClient(new IssuerRewritingHandler(_host.Host.BaseAddress));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<DiscoveryDocumentResponse> DiscoverAsync()
    {
        var disco = await _client.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = TokenServiceTestHost.Issuer,
            Policy = { RequireKeySet = true },
        });
        Assert.False(disco.IsError, disco.Error);
        return disco;
    }

    [Fact]
    public async Task Discovery_IsValidPerTheLibrary_WithEndpointsAndKeys()
    {
        var disco = await DiscoverAsync();

        Assert.Equal(TokenServiceTestHost.Issuer, disco.Issuer);
        Assert.Equal(TokenServiceTestHost.Issuer + "/connect/token", disco.TokenEndpoint);
        Assert.Equal(TokenServiceTestHost.Issuer + "/connect/introspect", disco.IntrospectionEndpoint);
        Assert.Equal(TokenServiceTestHost.Issuer + "/connect/revoke", disco.RevocationEndpoint);
        Assert.Contains("private_key_jwt", disco.TokenEndpointAuthenticationMethodsSupported);
        Assert.Contains(OidcConstants.GrantTypes.ClientCredentials, disco.GrantTypesSupported);
        Assert.NotEmpty(disco.KeySet!.Keys);
    }

    [Fact]
    public async Task ClientCredentials_WithSecret_ThenIntrospect_ThenRevoke()
    {
        var disco = await DiscoverAsync();
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        var token = await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, Scope = "echo.read",
        });
        Assert.False(token.IsError, token.Error);
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(300, token.ExpiresIn);

        var introspection = await _client.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken!,
        });
        Assert.False(introspection.IsError, introspection.Error);
        Assert.True(introspection.IsActive);
        Assert.Contains(introspection.Claims, c => c.Type == "client_id" && c.Value == clientId);

        var revocation = await _client.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = disco.RevocationEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken!,
            TokenTypeHint = OidcConstants.TokenTypes.AccessToken,
        });
        Assert.False(revocation.IsError, revocation.Error);

        var after = await _client.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken!,
        });
        Assert.False(after.IsActive);
    }

    [Fact]
    public async Task ClientCredentials_WithPostedSecret_Works()
    {
        var disco = await DiscoverAsync();
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        var token = await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });

        Assert.False(token.IsError, token.Error);
    }

    [Fact]
    public async Task ClientCredentials_WithPrivateKeyJwt_Works_AndReplayIsRejected()
    {
        var disco = await DiscoverAsync();
        var (clientId, _) = await _host.RegisterAsync("echo.read");
        using var keys = new ClientAssertions();
        (await _host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials", new { jwk = keys.PublicJwk })).Dispose();
        var assertion = new ClientAssertion { Type = OidcConstants.ClientAssertionTypes.JwtBearer, Value = keys.Create(clientId, disco.TokenEndpoint!) };

        var token = await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientAssertion = assertion, Scope = "echo.read", ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });
        var replay = await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientAssertion = assertion, Scope = "echo.read", ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });

        Assert.False(token.IsError, token.Error);
        Assert.Equal(clientId, new JsonWebToken(token.AccessToken).Subject);
        Assert.True(replay.IsError);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.HttpStatusCode);
        // The library reports a 401 as an HTTP error; the RFC 6749 body is still there.
        Assert.Contains(OidcConstants.TokenErrors.InvalidClient, replay.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientCredentials_WrongScope_IsInvalidScopePerTheLibrary()
    {
        var disco = await DiscoverAsync();
        var (clientId, secret) = await _host.RegisterAsync("echo.read");

        var token = await _client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, Scope = "nhi.admin",
        });

        Assert.True(token.IsError);
        Assert.Equal(OidcConstants.TokenErrors.InvalidScope, token.Error);
    }
}
