using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Tokens;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Client.Tests.Http;

/// <summary>The handler against the real token service: caching, single flight, renewal ahead of expiry, retry on 401.</summary>
[Collection(ServersCollection.Name)]
public sealed class NhiAccessTokenHandlerTests(LocalServersFixture servers) : IAsyncLifetime
{
    private ServiceHost<TokenServiceOptions> _tokens = null!;
    private ResourceServer _resource = null!;
    private PlatformTestClient _platform = null!;
    private Uri _issuer = null!;

    public async Task InitializeAsync()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var port = FreePorts.Next();
        _issuer = new Uri($"http://127.0.0.1:{port}");
        var bootstrap = Path.Combine(Directory.CreateTempSubdirectory("nhi-client-test-").FullName, BootstrapCredentials.FileName);
        _tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = _issuer.ToString().TrimEnd('/'),
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrap,
        }, port: port);
        _tokens.Start();
        _platform = new PlatformTestClient(_tokens.CreateLoopbackClient(), bootstrap);
        _resource = await ResourceServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _resource.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private async Task<(HttpClient Client, CountingHandler TokenRequests, ServiceProvider Provider)> CreateClientAsync(
        TimeProvider? timeProvider = null, Action<NhiAccessTokenOptions>? configure = null)
    {
        var (clientId, secret) = await _platform.RegisterAsync("echo.read");
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddHttpClient(NhiAccessTokenHttpClientBuilderExtensions.TokenEndpointClientName).AddHttpMessageHandler(() => counter);
        services.AddHttpClient("api", client => client.BaseAddress = _resource.BaseAddress)
            .AddNhiAccessToken(options =>
            {
                options.Authority = _issuer;
                options.ClientId = clientId;
                options.ClientSecret = secret;
                options.Scope = "echo.read";
                configure?.Invoke(options);
            });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("api"), counter, provider);
    }

    [Fact]
    public async Task Send_HundredConcurrentCallers_OneTokenRequest()
    {
        var (client, tokenRequests, provider) = await CreateClientAsync();
        await using var _ = provider;

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetAsync("/ok")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, tokenRequests.Count);
        Assert.Single(_resource.Tokens.Distinct());
        Assert.StartsWith("Bearer ey", _resource.Tokens.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BeforeAndAfterRefreshPoint_RenewsOnlyAfter()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (client, tokenRequests, provider) = await CreateClientAsync(clock);
        await using var _ = provider;

        (await client.GetAsync("/ok")).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(3));
        (await client.GetAsync("/ok")).EnsureSuccessStatusCode();
        var beforeRefresh = tokenRequests.Count;
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await client.GetAsync("/ok")).EnsureSuccessStatusCode();

        Assert.Equal(1, beforeRefresh);
        Assert.Equal(2, tokenRequests.Count);
        Assert.Equal(2, _resource.Tokens.Distinct().Count());
    }

    [Fact]
    public async Task Send_InvalidTokenAnswer_RenewsOnceAndRetriesIdempotentRequest()
    {
        var (client, tokenRequests, provider) = await CreateClientAsync();
        await using var _ = provider;

        using var response = await client.GetAsync("/reject-first");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, tokenRequests.Count);
        Assert.Equal(2, _resource.Tokens.Count);
        Assert.Equal(2, _resource.Tokens.Distinct().Count());
    }

    [Fact]
    public async Task Send_InvalidTokenAnswerToPost_IsNotRetried()
    {
        var (client, _, provider) = await CreateClientAsync();
        await using var _ = provider;

        using var response = await client.PostAsync("/reject-first", new StringContent("charge"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(_resource.Tokens);
    }

    /// <summary>Registers <paramref name="publicKey"/> for a new identity (private_key_jwt); its client id.</summary>
    private async Task<string> RegisterKeyAsync(SecurityKey publicKey)
    {
        var (clientId, _) = await _platform.RegisterAsync("echo.read");
        var jwk = publicKey switch
        {
            RsaSecurityKey rsa => JsonWebKeyConverter.ConvertFromRSASecurityKey(rsa),
            ECDsaSecurityKey ec => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(ec),
            _ => throw new ArgumentException("RSA or EC only.", nameof(publicKey)),
        };
        var body = new Dictionary<string, object?>
        {
            ["jwk"] = new Dictionary<string, string?> { ["kty"] = jwk.Kty, ["n"] = jwk.N, ["e"] = jwk.E, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y }
                .Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _platform.GetAdminTokenAsync());
        using var response = await _platform.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return clientId;
    }

    [Fact]
    public async Task Send_PrivateKeyJwtWithRsaKey_GetsTheIdentitysToken()
    {
        using var rsa = RSA.Create(2048);
        var clientId = await RegisterKeyAsync(new RsaSecurityKey(rsa.ExportParameters(false)));
        var (client, tokenRequests, provider) = await CreateClientAsync(configure: o =>
        {
            o.ClientId = clientId;
            o.ClientSecret = null;
            o.PrivateKey = new RsaSecurityKey(rsa.ExportParameters(true));
        });
        await using var _ = provider;

        using var response = await client.GetAsync("/ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, tokenRequests.Count);
        var token = new JsonWebToken(_resource.Tokens.Single()["Bearer ".Length..]);
        Assert.Equal(clientId, token.GetClaim("client_id").Value);
    }

    [Fact]
    public async Task Send_PrivateKeyJwtWithEcPemFile_GetsTheIdentitysToken()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = await RegisterKeyAsync(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))));
        var pem = Path.Combine(Directory.CreateTempSubdirectory("nhi-client-key-").FullName, "key.pem");
        await File.WriteAllTextAsync(pem, ec.ExportPkcs8PrivateKeyPem());
        var (client, _, provider) = await CreateClientAsync(configure: o =>
        {
            o.ClientId = clientId;
            o.ClientSecret = null;
            o.PrivateKeyFile = pem;
        });
        await using var _ = provider;

        using var response = await client.GetAsync("/ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Send_WrongSecret_ThrowsWithOAuthError()
    {
        var (client, _, provider) = await CreateClientAsync(configure: o => o.ClientSecret = "nhi_sk_wrong");
        await using var _ = provider;

        var exception = await Assert.ThrowsAsync<NhiAccessTokenException>(() => client.GetAsync("/ok"));

        Assert.Equal("invalid_client", exception.Error);
        Assert.Equal(401, exception.StatusCode);
        Assert.DoesNotContain("nhi_sk_", exception.Message, StringComparison.Ordinal);
    }
}
