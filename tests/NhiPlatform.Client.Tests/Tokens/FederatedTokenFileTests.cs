using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Federation;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Testing.Tokens;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Client.Tests.Tokens;

/// <summary>
/// A workload without a secret: the client library sends the token a platform keeps in a file (a Kubernetes projected
/// service-account token from a real issuer on loopback) and reads the file again for every token request.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FederatedTokenFileTests(LocalServersFixture servers) : IAsyncLifetime
{
    private ServiceHost<TokenServiceOptions> _tokens = null!;
    private ResourceServer _resource = null!;
    private PlatformTestClient _platform = null!;
    private ExternalIssuer _cluster = null!;
    private Uri _issuer = null!;
    private readonly string _tokenFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-client-fed-").FullName, "token");

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
            [NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers] = "true",
        }, port: port);
        _tokens.Start();
        _platform = new PlatformTestClient(_tokens.CreateLoopbackClient(), bootstrap);
        _resource = await ResourceServer.StartAsync();
        _cluster = await ExternalIssuer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _resource.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private async Task<string> RegisterFederatedAsync(string ns, string serviceAccount)
    {
        var (clientId, _) = await _platform.RegisterAsync("echo.read");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/identities/{clientId}/federated-credentials")
        {
            Content = JsonContent.Create(new { name = "pod", issuer = _cluster.Issuer, subject = $"system:serviceaccount:{ns}:{serviceAccount}" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _platform.GetAdminTokenAsync());
        using var response = await _platform.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return clientId;
    }

    private (HttpClient Client, ServiceProvider Provider) CreateClient(TimeProvider clock, string? clientId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddHttpClient("api", client => client.BaseAddress = _resource.BaseAddress)
            .AddNhiAccessToken(options =>
            {
                options.Authority = _issuer;
                options.ClientId = clientId ?? string.Empty;
                options.FederatedTokenFile = _tokenFile;
                options.Scope = "echo.read";
            });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("api"), provider);
    }

    [Fact]
    public async Task Send_WithTokenFile_AuthenticatesAndRereadsTheFileOnRenewal()
    {
        var clientId = await RegisterFederatedAsync("shop", "cart");
        var tokenEndpoint = _issuer + "connect/token";
        await File.WriteAllTextAsync(_tokenFile, _cluster.KubernetesToken("shop", "cart", tokenEndpoint) + "\n");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (client, provider) = CreateClient(clock, clientId);
        await using var _ = provider;

        (await client.GetAsync("/ok")).EnsureSuccessStatusCode();
        var firstToken = _resource.Tokens.Last();
        // The kubelet rewrites the file; the next token request must send the new token: the old one is now wrong.
        await File.WriteAllTextAsync(_tokenFile, _cluster.Unsigned("system:serviceaccount:shop:cart", tokenEndpoint));
        clock.Advance(TimeSpan.FromMinutes(5));
        var failure = await Assert.ThrowsAsync<NhiAccessTokenException>(() => client.GetAsync("/ok"));
        await File.WriteAllTextAsync(_tokenFile, _cluster.KubernetesToken("shop", "cart", tokenEndpoint));
        (await client.GetAsync("/ok")).EnsureSuccessStatusCode();

        Assert.Equal("invalid_client", failure.Error);
        Assert.NotEqual(firstToken, _resource.Tokens.Last());
    }

    [Fact]
    public async Task Send_WithoutClientId_FindsTheIdentityByIssuerAndSubject()
    {
        await RegisterFederatedAsync("shop", "checkout");
        await File.WriteAllTextAsync(_tokenFile, _cluster.KubernetesToken("shop", "checkout", _issuer + "connect/token"));
        var (client, provider) = CreateClient(TimeProvider.System, clientId: null);
        await using var _ = provider;

        using var response = await client.GetAsync("/ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Send_MissingTokenFile_FailsWithAClearError()
    {
        var (client, provider) = CreateClient(TimeProvider.System, "anyone");
        await using var _ = provider;
        File.Delete(_tokenFile);

        var failure = await Assert.ThrowsAsync<NhiAccessTokenException>(() => client.GetAsync("/ok"));

        Assert.Equal("federated_token_unavailable", failure.Error);
    }
}
