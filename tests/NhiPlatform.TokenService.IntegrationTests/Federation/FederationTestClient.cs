using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NhiPlatform.TokenService.IntegrationTests.Federation;

/// <summary>Token requests with an external issuer's token as the client assertion, and federated-credential registration.</summary>
internal static class FederationTestClient
{
    public const string TokenEndpoint = TokenServiceTestHost.Issuer + "/connect/token";
    public const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string assertion, string? clientId = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = JwtBearer,
            ["client_assertion"] = assertion,
        };
        if (clientId is not null)
        {
            form["client_id"] = clientId;
        }

        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>Adds a federated credential through the admin API; asserts it was created.</summary>
    public static async Task AddCredentialAsync(TokenServiceTestHost host, string clientId, object body)
    {
        using var response = await host.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/federated-credentials", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts a 401 invalid_client whose description is <paramref name="description"/> and never quotes the assertion.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string assertion, string description)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
        foreach (var part in assertion.Split('.').Where(p => p.Length > 8))
        {
            Assert.DoesNotContain(part, text, StringComparison.Ordinal);
        }
    }

    public static async Task<JsonElement> TokenAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The claims of a JWT, read without validating it (the test already got it from the service).</summary>
    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonDocument.Parse(Convert.FromBase64String(payload + new string('=', (4 - payload.Length % 4) % 4))).RootElement;
    }
}
