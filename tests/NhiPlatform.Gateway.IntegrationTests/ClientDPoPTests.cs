using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Client;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Tokens;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// <c>NhiPlatform.Client</c> with <c>UseDPoP</c> against the real token service, gateway and echo service: it finds the token
/// endpoint by discovery, gets a bound token through the token endpoint's nonce, and calls routes with a proof each time,
/// also at a gateway that requires nonces. The issuer is the token service's own address, so discovery matches it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ClientDPoPTests(LocalServersFixture servers) : IAsyncLifetime
{
    private ServiceHost<TokenServiceOptions> _tokens = null!;
    private ServiceHost<EchoResponse> _echo = null!;
    private ServiceHost<UsageOptions> _gateway = null!;
    private ServiceHost<UsageOptions> _nonceGateway = null!;
    private PlatformTestClient _platform = null!;
    private Uri _issuer = null!;

    public async Task InitializeAsync()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var port = FreePorts.Next();
        _issuer = new Uri($"http://127.0.0.1:{port}");
        var bootstrap = Path.Combine(Directory.CreateTempSubdirectory("nhi-client-dpop-").FullName, BootstrapCredentials.FileName);
        _tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = _issuer.ToString().TrimEnd('/'),
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrap,
        }, port: port);
        _tokens.Start();
        _echo = new ServiceHost<EchoResponse>(new Dictionary<string, string?>());
        _echo.Start();
        _gateway = StartGateway(environment, requireNonce: false);
        _nonceGateway = StartGateway(environment, requireNonce: true);
        _platform = new PlatformTestClient(_tokens.CreateLoopbackClient(), bootstrap);
    }

    private ServiceHost<UsageOptions> StartGateway(TestEnvironment environment, bool requireNonce)
    {
        var settings = GatewayTestTopology.GatewaySettings(environment, _tokens.BaseAddress, _echo.BaseAddress);
        settings[NhiConfigurationKeys.Issuer] = _issuer.ToString().TrimEnd('/');
        settings[$"{NhiConfigurationKeys.GatewaySection}:DPoP:RequireNonce"] = requireNonce.ToString();
        var gateway = new ServiceHost<UsageOptions>(settings);
        gateway.Start();
        return gateway;
    }

    public async Task DisposeAsync()
    {
        await _nonceGateway.DisposeAsync();
        await _gateway.DisposeAsync();
        await _echo.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private async Task<(HttpClient Client, ServiceProvider Provider)> CreateClientAsync(Uri gateway, string clientId, string secret)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("echo", client => client.BaseAddress = gateway)
            .AddNhiAccessToken(options =>
            {
                options.Authority = _issuer;
                options.ClientId = clientId;
                options.ClientSecret = secret;
                options.Scope = "echo.read";
                options.UseDPoP = true;
            });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("echo"), provider);
    }

    [Fact]
    public async Task Send_UseDPoP_BoundTokenAndAProofPerRequest()
    {
        var (clientId, secret) = await _platform.RegisterAsync("echo.read");
        var (client, provider) = await CreateClientAsync(_gateway.BaseAddress, clientId, secret);
        await using var _ = provider;

        var responses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/svc/echo/hello");
            responses.Add(response.StatusCode);
        }

        using var post = await client.PostAsync("/svc/echo/hello", new ByteArrayContent([1, 2, 3]));
        var echo = await post.Content.ReadFromJsonAsync<JsonElement>();

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(clientId, echo.GetProperty("identity").GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task Send_ResourceRequiresNonce_RetriesOnceWithTheNonce()
    {
        var (clientId, secret) = await _platform.RegisterAsync("echo.read");
        var (client, provider) = await CreateClientAsync(_nonceGateway.BaseAddress, clientId, secret);
        await using var _ = provider;

        using var first = await client.GetAsync("/svc/echo/hello");
        using var second = await client.GetAsync("/svc/echo/hello");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Send_WithoutDPoP_AnIdentityThatRequiresIt_FailsWithTheRfcError()
    {
        using var created = await _platform.Http.SendAsync(await AdminRequestAsync(new
        {
            displayName = "dpop only", owner = "team-test", purpose = "client test", allowedScopes = new[] { "echo.read" },
            requireSenderConstrainedTokens = true,
        }));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = body.GetProperty("clientId").GetString()!;
        var secret = body.GetProperty("clientSecret").GetString()!;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpClient("echo", client => client.BaseAddress = _gateway.BaseAddress)
            .AddNhiAccessToken(options => (options.Authority, options.ClientId, options.ClientSecret) = (_issuer, clientId, secret));
        await using var provider = services.BuildServiceProvider();
        var (dpopClient, dpopProvider) = await CreateClientAsync(_gateway.BaseAddress, clientId, secret);
        await using var __ = dpopProvider;

        var refused = await Assert.ThrowsAsync<NhiAccessTokenException>(() =>
            provider.GetRequiredService<IHttpClientFactory>().CreateClient("echo").GetAsync("/svc/echo/hello"));
        using var allowed = await dpopClient.GetAsync("/svc/echo/hello");

        Assert.Equal("invalid_dpop_proof", refused.Error);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private async Task<HttpRequestMessage> AdminRequestAsync(object body)
    {
        var admin = await _platform.ReadBootstrapAsync();
        var token = await _platform.GetTokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
