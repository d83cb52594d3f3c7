using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Token service, echo sample and gateway, each on Kestrel, wired by the service-discovery keys the hosts set.</summary>
internal sealed class GatewayTestTopology : IAsyncDisposable
{
    public const string Issuer = "https://gateway.test";

    private GatewayTestTopology(ServiceHost<TokenServiceOptions> tokens, ServiceHost<EchoResponse> echo, ServiceHost<UsageOptions> gateway,
        TestEnvironment environment, string bootstrapFile)
    {
        Tokens = tokens;
        Echo = echo;
        Gateway = gateway;
        Environment = environment;
        BootstrapFile = bootstrapFile;
        Client = gateway.CreateLoopbackClient();
    }

    public ServiceHost<TokenServiceOptions> Tokens { get; }
    public ServiceHost<EchoResponse> Echo { get; }
    public ServiceHost<UsageOptions> Gateway { get; }
    public TestEnvironment Environment { get; }
    public string BootstrapFile { get; }
    public HttpClient Client { get; }

    public static async Task<GatewayTestTopology> StartAsync(LocalServersFixture servers)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var bootstrapFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-gateway-test-").FullName, BootstrapCredentials.FileName);
        var tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile,
        });
        tokens.Start();
        var echo = new ServiceHost<EchoResponse>(new Dictionary<string, string?>());
        echo.Start();
        var gateway = new ServiceHost<UsageOptions>(GatewaySettings(environment, tokens.BaseAddress, echo.BaseAddress));
        gateway.Start();
        return new GatewayTestTopology(tokens, echo, gateway, environment, bootstrapFile);
    }

    public static Dictionary<string, string?> GatewaySettings(TestEnvironment environment, Uri tokens, Uri echo) => new()
    {
        [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
        [NhiConfigurationKeys.Issuer] = Issuer,
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokens.ToString().TrimEnd('/'),
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo)] = echo.ToString().TrimEnd('/'),
        // No inventory in these tests: a closed port, so its route resolves but is never called.
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Inventory)] = "http://127.0.0.1:9",
    };

    public async Task<string> GetTokenAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async Task<string> GetAdminTokenAsync()
    {
        var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(BootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;
        return await GetTokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}");
    }

    public async Task<(string ClientId, string Secret)> RegisterAsync(params string[] allowedScopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new { displayName = "gw test", owner = "team-test", purpose = "gateway test", allowedScopes }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetAdminTokenAsync());
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Echo.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}
