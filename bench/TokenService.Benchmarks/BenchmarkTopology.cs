using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Federation;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.TokenService.Protocol;
using NhiPlatform.TokenService.Signing;

namespace NhiPlatform.TokenService.Benchmarks;

/// <summary>
/// Real PostgreSQL and Redis, the real token service on Kestrel, and a bare endpoint in the same process that only
/// reads the form and signs the same claims with the same key (no authentication, no checks, no Redis). For federation,
/// an external issuer on loopback whose Kubernetes-style token authenticates the same identity instead of its secret.
/// </summary>
internal sealed class BenchmarkTopology : IAsyncDisposable
{
    private readonly LocalServersFixture _servers;
    private readonly ServiceHost<TokenServiceOptions> _tokens;
    private readonly WebApplication _bare;
    private readonly HttpClient _client;
    private readonly string _basic;
    private readonly string _bareUrl;
    private readonly string _tokenUrl;
    private readonly ExternalIssuer _cluster;
    private string _federatedAssertion = string.Empty;
    private string _clientId = string.Empty;

    private BenchmarkTopology(
        LocalServersFixture servers, ServiceHost<TokenServiceOptions> tokens, WebApplication bare, BootstrapCredentials admin, ExternalIssuer cluster)
    {
        _cluster = cluster;
        _servers = servers;
        _tokens = tokens;
        _bare = bare;
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        _basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{admin.ClientId}:{admin.ClientSecret}"));
        _tokenUrl = new Uri(tokens.BaseAddress, "/connect/token").ToString();
        _bareUrl = bare.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/bare";
    }

    public static async Task<BenchmarkTopology> StartAsync()
    {
        var servers = new LocalServersFixture();
        await servers.InitializeAsync();
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var state = Directory.CreateTempSubdirectory("nhi-tokens-bench-").FullName;
        var tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = "https://gateway.bench",
            [NhiConfigurationKeys.BootstrapCredentialsFile] = Path.Combine(state, BootstrapCredentials.FileName),
            // The per-client limit would cap a benchmark of one client; the limiter still runs (one Redis round trip).
            ["Nhi:Tokens:RateLimits:TokenRequestsPerClient"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
            [NhiConfigurationKeys.FederationAllowLoopbackHttpIssuers] = "true",
        });
        tokens.Start();
        var admin = System.Text.Json.JsonSerializer.Deserialize(
            await File.ReadAllTextAsync(Path.Combine(state, BootstrapCredentials.FileName)), LocalRunJsonContext.Default.BootstrapCredentials)!;
        var bare = await StartBareAsync(tokens.Services.GetRequiredService<AccessTokenIssuer>());
        var topology = new BenchmarkTopology(servers, tokens, bare, admin, await ExternalIssuer.StartAsync());
        await topology.FederateAsync(admin.ClientId);
        return topology;
    }

    /// <summary>The same identity trusts the loopback cluster's service account: one token, reused (as a pod reuses its projected token).</summary>
    private async Task FederateAsync(string clientId)
    {
        _clientId = clientId;
        using var tokenResponse = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, _tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Admin }),
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", _basic) },
        });
        var adminToken = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        using var add = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_tokenUrl), $"/api/admin/identities/{clientId}/federated-credentials"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "bench-pod", issuer = _cluster.Issuer, subject = "system:serviceaccount:bench:load" }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", adminToken) },
        };
        using var added = await _client.SendAsync(add);
        added.EnsureSuccessStatusCode();
        _federatedAssertion = _cluster.KubernetesToken("bench", "load", "https://gateway.bench/connect/token");
    }

    /// <summary>The baseline: form read, the same <see cref="AccessTokenIssuer"/> (same claims, same key), the same response writer.</summary>
    private static async Task<WebApplication> StartBareAsync(AccessTokenIssuer issuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapPost("/bare", async (HttpRequest request) =>
        {
            await request.ReadFormAsync();
            var token = issuer.Issue(new AccessTokenSpec(BootstrapClientId, BootstrapClientId, [NhiScopes.Read], NhiAudiences.Gateway, TimeSpan.FromMinutes(5)));
            return new TokenResult(new TokenResponse(token.Token, "Bearer", token.ExpiresIn, token.Scope));
        });
        await app.StartAsync();
        return app;
    }

    private const string BootstrapClientId = "nhi-admin";

    public async Task<bool> TokenRequest(CancellationToken cancellationToken) => await SendAsync(_tokenUrl, withAuthentication: true, cancellationToken);

    /// <summary>The same request authenticated by the federated token (client_assertion) instead of client_secret_basic.</summary>
    public async Task<bool> FederatedRequest(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = NhiScopes.Read,
                ["client_id"] = _clientId,
                ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                ["client_assertion"] = _federatedAssertion,
            }),
        };
        using var response = await _client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public async Task<bool> BareRequest(CancellationToken cancellationToken) => await SendAsync(_bareUrl, withAuthentication: false, cancellationToken);

    private async Task<bool> SendAsync(string url, bool withAuthentication, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Read }),
        };
        if (withAuthentication)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basic);
        }

        using var response = await _client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bare.DisposeAsync();
        await _tokens.DisposeAsync();
        await _cluster.DisposeAsync();
        await _servers.DisposeAsync();
    }
}
