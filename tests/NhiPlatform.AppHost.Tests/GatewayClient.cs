using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NhiPlatform.AppHost.Tests;

/// <summary>What a workload and an operator do over HTTP, all through the gateway.</summary>
internal sealed class GatewayClient(HttpClient http)
{
    /// <summary>
    /// <c>POST /connect/token</c>, grant client_credentials, client_secret_basic: id and secret each
    /// form-url-encoded before the Basic encoding (RFC 6749 §2.3.1).
    /// </summary>
    public async Task<string> RequestTokenAsync(string clientId, string clientSecret, string scope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("scope", scope),
            ]),
        };
        var basic = WebUtility.UrlEncode(clientId) + ":" + WebUtility.UrlEncode(clientSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await ReadJsonAsync(response, HttpStatusCode.OK, cancellationToken);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.Equal(scope, body.GetProperty("scope").GetString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary><c>POST /api/admin/identities</c> with the admin token; returns the new client id and its one-time secret.</summary>
    public async Task<(string ClientId, string ClientSecret)> CreateIdentityAsync(
        string adminToken, string displayName, string allowedScope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/identities")
        {
            Content = JsonContent.Create(new
            {
                displayName,
                owner = "team-e2e",
                purpose = "end-to-end test",
                allowedScopes = new[] { allowedScope },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await ReadJsonAsync(response, HttpStatusCode.Created, cancellationToken);
        return (body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearerToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Polls <c>GET /api/inventory/usage?path=..</c> until at least <paramref name="count"/> items (or the timeout).</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForUsageAsync(
        string adminToken, string path, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            using var response = await GetAsync("/api/inventory/usage?path=" + Uri.EscapeDataString(path), adminToken, cancellationToken);
            var body = await ReadJsonAsync(response, HttpStatusCode.OK, cancellationToken);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count || DateTimeOffset.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    public static async Task<JsonElement> ReadJsonAsync(
        HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(
            response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
