using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Security.Tests.Logging;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// What the suite does over and over through the gateway (on top of <see cref="PlatformTestClient"/>), noting every
/// secret, token and assertion it handles in <see cref="SensitiveValues"/> for the log scan.
/// </summary>
internal sealed class PlatformClient(HttpClient http, string bootstrapFile, SensitiveValues sensitive)
{
    private readonly PlatformTestClient _platform = new(http, bootstrapFile);

    public HttpClient Http => http;

    public PlatformClient WithHttp(HttpClient other) => new(other, bootstrapFile, sensitive);

    public Task<BootstrapCredentials> ReadBootstrapAsync() => _platform.ReadBootstrapAsync();

    public async Task<string> AdminTokenAsync()
    {
        var token = await _platform.GetAdminTokenAsync();
        sensitive.AddJwt(token, "access token");
        return token;
    }

    /// <summary>client_credentials with client_secret_basic; the raw response.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string? scope = null)
    {
        var response = await _platform.RequestTokenAsync(clientId, secret, scope);
        sensitive.AddFromResponse(await response.Content.ReadAsStringAsync());
        return response;
    }

    public async Task<string> TokenAsync(string clientId, string secret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request for {clientId}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// A form POST to a /connect endpoint, with client_secret_basic when <paramref name="basic"/> is given and an
    /// <c>X-Forwarded-For</c> when <paramref name="forwardedFor"/> is.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path, Dictionary<string, string> form, (string ClientId, string Secret)? basic = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (basic is { } credentials)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
                Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(credentials.ClientId)}:{Uri.EscapeDataString(credentials.Secret)}")));
        }

        var response = await http.SendAsync(request);
        sensitive.AddFromResponse(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>An admin API call with a fresh <c>nhi.admin</c> token.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await AdminTokenAsync());
        var response = await http.SendAsync(request);
        sensitive.AddFromResponse(await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>Registers an identity (<paramref name="allowedScopes"/>, optionally audiences); its client id and secret.</summary>
    public async Task<(string ClientId, string Secret)> RegisterAsync(string[] allowedScopes, string[]? allowedAudiences = null)
    {
        using var response = await AdminAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            displayName = "security suite workload", owner = "team-security", purpose = "security suite",
            allowedScopes, allowedAudiences = allowedAudiences ?? [],
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Registering an identity: {(int)response.StatusCode} {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    public Task<(string ClientId, string Secret)> RegisterAsync(params string[] allowedScopes) => RegisterAsync(allowedScopes, null);

    /// <summary>GET through the gateway with a bearer token.</summary>
    public async Task<HttpResponseMessage> GetWithBearerAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await http.SendAsync(request);
    }
}
