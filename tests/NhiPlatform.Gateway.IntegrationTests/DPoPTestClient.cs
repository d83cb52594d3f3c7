using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>DPoP by hand over HTTP, as RFC 9449 describes it: token requests with proofs and the nonce dance, resource calls with proofs.</summary>
internal sealed class DPoPTestClient(HttpClient http)
{
    public const string TokenEndpoint = GatewayTestTopology.Issuer + "/connect/token";

    /// <summary>POST /connect/token (or <paramref name="path"/>; client_secret_basic) with <paramref name="proof"/> as the DPoP header, if any.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(
        string clientId, string secret, string? proof, string scope = "echo.read", Dictionary<string, string>? form = null, string path = "/connect/token")
    {
        var fields = form ?? new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return await http.SendAsync(request);
    }

    /// <summary>A DPoP-bound token for <paramref name="key"/>: asks without a nonce, takes the one offered, asks again.</summary>
    public async Task<JsonElement> GetBoundTokenAsync(string clientId, string secret, DPoPTestKey key, string scope = "echo.read")
    {
        using var first = await RequestTokenAsync(clientId, secret, key.Proof("POST", TokenEndpoint), scope);
        var nonce = first.Headers.TryGetValues("DPoP-Nonce", out var values) ? values.Single() : null;
        if (first.StatusCode == HttpStatusCode.OK)
        {
            return await first.Content.ReadFromJsonAsync<JsonElement>();
        }

        using var second = await RequestTokenAsync(clientId, secret, key.Proof("POST", TokenEndpoint, nonce: nonce), scope);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        return await second.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A request with <c>Authorization: {scheme} {token}</c> and, when given, the proof.</summary>
    public static HttpRequestMessage Call(HttpMethod method, string path, string scheme, string token, string? proof)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        if (proof is not null)
        {
            request.Headers.Add("DPoP", proof);
        }

        return request;
    }
}
