using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.IntegrationTests;

/// <summary>
/// A token service on Kestrel (loopback, port 0) against its own fresh database and Redis index, with helpers for
/// the bootstrap admin and for registering identities.
/// </summary>
internal sealed class TokenServiceTestHost : IAsyncDisposable
{
    public const string Issuer = "https://gateway.test";

    private TokenServiceTestHost(ServiceHost<Program> host, string stateDirectory, TestEnvironment environment)
    {
        Host = host;
        StateDirectory = stateDirectory;
        Environment = environment;
        Client = host.CreateLoopbackClient();
    }

    public ServiceHost<Program> Host { get; }
    public string StateDirectory { get; }
    public TestEnvironment Environment { get; }
    public HttpClient Client { get; }
    public string BootstrapFile => Path.Combine(StateDirectory, BootstrapCredentials.FileName);

    public static async Task<TokenServiceTestHost> StartAsync(
        LocalServersFixture servers, TestEnvironment? environment = null, string? stateDirectory = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        environment ??= await servers.CreateEnvironmentAsync(CancellationToken.None);
        stateDirectory ??= Directory.CreateTempSubdirectory("nhi-tokens-test-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
            [NhiConfigurationKeys.BootstrapCredentialsFile] = Path.Combine(stateDirectory, BootstrapCredentials.FileName),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var host = new ServiceHost<Program>(configuration, configureServices);
        host.Start();
        return new TokenServiceTestHost(host, stateDirectory, environment);
    }

    public async Task<BootstrapCredentials> ReadBootstrapAsync() =>
        JsonSerializer.Deserialize(await File.ReadAllTextAsync(BootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        return await Client.SendAsync(request);
    }

    public async Task<string> GetTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret, scope);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<string> GetAdminTokenAsync()
    {
        var admin = await ReadBootstrapAsync();
        return await GetTokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}");
    }

    /// <summary>Registers an identity with the admin API; returns its client id and secret.</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterAsync(params string[] allowedScopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                displayName = "test workload",
                owner = "team-test",
                purpose = "integration test",
                allowedScopes,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetAdminTokenAsync());
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>Sends an admin API request with a fresh admin token; <paramref name="body"/> as JSON.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken ??= await GetAdminTokenAsync());
        return await Client.SendAsync(request);
    }

    /// <summary>Registers an identity from a full admin-API body; returns the created-identity JSON.</summary>
    public async Task<JsonElement> CreateAsync(object body)
    {
        using var response = await AdminAsync(HttpMethod.Post, "/api/admin/identities", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Posts a form to a <c>/connect</c> endpoint with client_secret_basic.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string clientId, string clientSecret, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        return await Client.SendAsync(request);
    }

    /// <summary>This host's Redis logical database.</summary>
    public IDatabase Redis => Host.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    private string? _adminToken;

    /// <summary>Makes the next admin call fetch a new admin token (after moving time or revoking a signing key).</summary>
    public void ForgetAdminToken() => _adminToken = null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
