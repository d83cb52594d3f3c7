using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Testing.Tokens;

/// <summary>
/// What tests do over and over against a running token service (directly or through the gateway): read the
/// bootstrap admin, get tokens by client_secret_basic, register identities through the admin API.
/// </summary>
public sealed class PlatformTestClient(HttpClient http, string bootstrapFile)
{
    public HttpClient Http { get; } = http;

    public async Task<BootstrapCredentials> ReadBootstrapAsync() =>
        JsonSerializer.Deserialize(await File.ReadAllTextAsync(bootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)
        ?? throw new InvalidOperationException($"{bootstrapFile} is empty.");

    /// <summary>POST /connect/token with client_secret_basic (RFC 6749 §2.3.1 encoding); the raw response.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        return await Http.SendAsync(request);
    }

    /// <summary>An access token, or an exception with the server's answer.</summary>
    public async Task<string> GetTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret, scope);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<string> GetAdminTokenAsync()
    {
        var admin = await ReadBootstrapAsync();
        return await GetTokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}");
    }

    /// <summary>Registers an identity through the admin API; its client id and its secret (shown once).</summary>
    public async Task<(string ClientId, string ClientSecret)> RegisterAsync(params string[] allowedScopes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new { displayName = "test workload", owner = "team-test", purpose = "automated test", allowedScopes }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetAdminTokenAsync());
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Registering an identity failed: {(int)response.StatusCode} {body}");
        }

        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }
}
