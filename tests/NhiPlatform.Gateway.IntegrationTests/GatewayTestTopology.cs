using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Samples.Echo.Apis;
using NhiPlatform.Testing;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>Token service, echo sample and gateway, each on Kestrel, wired by the service-discovery keys the hosts set.</summary>
internal sealed class GatewayTestTopology : IAsyncDisposable
{
    public const string Issuer = "https://gateway.test";

    private GatewayTestTopology(ServiceHost<TokenServiceOptions> tokens, ServiceHost<EchoResponse> echo, RequestRecorder echoRequests,
        ServiceHost<UsageOptions> gateway, TestEnvironment environment, string bootstrapFile)
    {
        Tokens = tokens;
        EchoRequests = echoRequests;
        Echo = echo;
        Gateway = gateway;
        Environment = environment;
        BootstrapFile = bootstrapFile;
        Client = gateway.CreateLoopbackClient();
    }

    public ServiceHost<TokenServiceOptions> Tokens { get; }
    public ServiceHost<EchoResponse> Echo { get; }

    /// <summary>Every request that reached the echo service.</summary>
    public RequestRecorder EchoRequests { get; }
    public ServiceHost<UsageOptions> Gateway { get; }
    public TestEnvironment Environment { get; }
    public string BootstrapFile { get; }
    public HttpClient Client { get; }

    /// <param name="configureServices">Applied to every host (a log capture, say).</param>
    /// <param name="tokenSettings">Extra token-service configuration (federation options, say).</param>
    public static async Task<GatewayTestTopology> StartAsync(
        LocalServersFixture servers, Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? tokenSettings = null)
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var bootstrapFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-gateway-test-").FullName, BootstrapCredentials.FileName);
        var tokens = new ServiceHost<TokenServiceOptions>(new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile,
        }.Concat(tokenSettings ?? new Dictionary<string, string?>()).ToDictionary(), configureServices);
        tokens.Start();
        var echoRequests = new RequestRecorder();
        var echo = new ServiceHost<EchoResponse>(new Dictionary<string, string?>(),
            services =>
            {
                services.AddSingleton<IStartupFilter>(echoRequests);
                configureServices?.Invoke(services);
            });
        echo.Start();
        var gateway = new ServiceHost<UsageOptions>(GatewaySettings(environment, tokens.BaseAddress, echo.BaseAddress), configureServices);
        gateway.Start();
        return new GatewayTestTopology(tokens, echo, echoRequests, gateway, environment, bootstrapFile);
    }

    /// <summary>Another gateway replica on the same Redis, token service and echo (its own spill directory).</summary>
    public ServiceHost<UsageOptions> StartReplica(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = GatewaySettings(Environment, Tokens.BaseAddress, Echo.BaseAddress);
        configure?.Invoke(settings);
        var replica = new ServiceHost<UsageOptions>(settings);
        replica.Start();
        return replica;
    }

    public static Dictionary<string, string?> GatewaySettings(TestEnvironment environment, Uri tokens, Uri echo) => new()
    {
        [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
        [NhiConfigurationKeys.Issuer] = Issuer,
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokens.ToString().TrimEnd('/'),
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Echo)] = echo.ToString().TrimEnd('/'),
        // No inventory or sample services in these tests: a closed port, so their routes resolve but are never called.
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Inventory)] = "http://127.0.0.1:9",
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Orders)] = "http://127.0.0.1:9",
        [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Billing)] = "http://127.0.0.1:9",
        // Each gateway its own spill directory: spilled events are replayed only into their own Redis database.
        // Periodic reloads out of the way: revocation tests see pub/sub and reconnect resyncs only.
        [$"{NhiConfigurationKeys.GatewaySection}:Revocation:ResyncInterval"] = "00:10:00",
        [$"{NhiConfigurationKeys.GatewaySection}:Usage:SpillDirectory"] = Directory.CreateTempSubdirectory("nhi-gateway-spill-").FullName,
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

    /// <summary>A new identity allowed <paramref name="scopes"/> (and <paramref name="audiences"/>), and a token for them.</summary>
    public async Task<string> RegisterAndGetTokenAsync(string scopes, string[]? audiences = null, string? resource = null)
    {
        using var register = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                displayName = "gw test", owner = "team-test", purpose = "gateway test",
                allowedScopes = scopes.Split(' '), allowedAudiences = audiences ?? [],
            }),
        };
        register.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetAdminTokenAsync());
        using var registered = await Client.SendAsync(register);
        registered.EnsureSuccessStatusCode();
        var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scopes };
        if (resource is not null)
        {
            form["resource"] = resource;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            $"{body.GetProperty("clientId").GetString()}:{body.GetProperty("clientSecret").GetString()}")));
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Echo.DisposeAsync();
        await Tokens.DisposeAsync();
    }
}
