using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;

namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>
/// Calls <c>POST {tokens}/api/admin/identities/{clientId}/disable</c> with a bearer token (scope <c>nhi.admin</c>)
/// obtained by client credentials as the inventory's own admin client; the token is reused until shortly before expiry.
/// </summary>
internal sealed class TokenServiceAdminClient(IHttpClientFactory httpClientFactory, IOptions<LifecycleOptions> options, TimeProvider timeProvider)
    : ITokenServiceAdmin
{
    public const string HttpClientName = "inventory-token-service-admin";

    private string? _token;
    private DateTimeOffset _tokenExpires;

    public async Task<int> DisableIdentityAsync(string clientId, string reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/identities/{Uri.EscapeDataString(clientId)}/disable")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["reason"] = reason }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(cancellationToken));
        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && timeProvider.GetUtcNow() < _tokenExpires)
        {
            return _token;
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Admin }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(settings.AdminClientId!)}:{Uri.EscapeDataString(settings.AdminClientSecret!)}")));
        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        _token = body.GetProperty("access_token").GetString() ?? throw new InvalidOperationException("The token response had no access_token.");
        var lifetime = body.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 60;
        _tokenExpires = timeProvider.GetUtcNow().AddSeconds(Math.Max(0, lifetime - 30));
        return _token;
    }
}
