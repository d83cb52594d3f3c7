using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Faults.Tests.Checks;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Faults.Tests.Platform;

/// <summary>
/// The operator's and workloads' calls the suite makes, all through a gateway (the public surface): tokens, identities,
/// key and credential rotation, revocation, disabling. Every secret and token it sees is remembered for the log scan.
/// </summary>
internal sealed class PlatformAdmin(HttpClient gateway, string bootstrapFile, IssuedSecrets secrets)
{
    private readonly PlatformTestClient _client = new(gateway, bootstrapFile);

    public async Task RememberBootstrapAsync()
    {
        var admin = await _client.ReadBootstrapAsync();
        Remember(admin.ClientId, admin.ClientSecret, "bootstrap admin");
    }

    /// <summary>A new identity with the longest token lifetime, so the longest profile needs no renewal it did not ask for.</summary>
    public async Task<(string ClientId, string Secret)> RegisterAsync(string displayName, params string[] allowedScopes)
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "/api/admin/identities", new
        {
            displayName, owner = "team-faults", purpose = "fault suite", allowedScopes, tokenLifetimeSeconds = 3600,
        });
        var body = await ReadSuccessAsync(response, $"registering {displayName}");
        var created = (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
        Remember(created.Item1, created.Item2, $"secret of {created.Item1}");
        return created;
    }

    public async Task<string> GetTokenAsync(string clientId, string secret, string scope)
    {
        var token = await _client.GetTokenAsync(clientId, secret, scope);
        secrets.Add(token, $"access token of {clientId}");
        return token;
    }

    /// <summary>The token endpoint's status for these credentials (200, or 401 invalid_client).</summary>
    public async Task<HttpStatusCode> TryGetTokenAsync(string clientId, string secret, string scope)
    {
        using var response = await _client.RequestTokenAsync(clientId, secret, scope);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            secrets.Add(body.GetProperty("access_token").GetString()!, $"access token of {clientId}");
        }

        return response.StatusCode;
    }

    /// <summary>Rotates the signing key, effective at once (no pre-publication); the new key's id.</summary>
    public async Task<string> RotateSigningKeyAsync()
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "/api/admin/signing-keys/rotate", new { immediate = true });
        return (await ReadSuccessAsync(response, "rotating the signing key")).GetProperty("kid").GetString()!;
    }

    /// <summary>A new secret for the identity; the previous ones keep working for <paramref name="graceSeconds"/>.</summary>
    public async Task<string> RotateCredentialAsync(string clientId, int graceSeconds)
    {
        using var response = await SendAdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate", new { graceSeconds });
        var secret = (await ReadSuccessAsync(response, $"rotating the credential of {clientId}")).GetProperty("clientSecret").GetString()!;
        Remember(clientId, secret, $"rotated secret of {clientId}");
        return secret;
    }

    public async Task DisableAsync(string clientId)
    {
        using var response = await SendAdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "fault suite" });
        await ReadSuccessAsync(response, $"disabling {clientId}");
    }

    /// <summary>RFC 7009 revocation by the token's own client.</summary>
    public async Task RevokeAsync(string clientId, string secret, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = "access_token" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(clientId, secret));
        using var response = await gateway.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Revoking a token of {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<HttpResponseMessage> SendAdminAsync(HttpMethod method, string path, object body)
    {
        var admin = await _client.ReadBootstrapAsync();
        var token = await GetTokenAsync(admin.ClientId, admin.ClientSecret, $"{NhiScopes.Admin} {NhiScopes.Read}");
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await gateway.SendAsync(request);
    }

    private static async Task<JsonElement> ReadSuccessAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private void Remember(string clientId, string secret, string description)
    {
        secrets.Add(secret, description);
        // What client_secret_basic puts on the wire: a logged Authorization header would carry exactly this.
        secrets.Add(Basic(clientId, secret), $"basic credentials of {clientId}");
    }

    private static string Basic(string clientId, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}"));
}
