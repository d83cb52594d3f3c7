using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Apis;

/// <summary>
/// An open event stream ends within seconds once its identity is disabled or loses <c>nhi.read</c> (the token service's
/// revocations and identity changes, as the inventory receives them); tickets and streams per identity are bounded
/// across replicas (429).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LiveAccessTests(LocalServersFixture servers) : IAsyncLifetime
{
    private InventoryTestHost _host = null!;

    public async Task InitializeAsync() => _host = await InventoryTestHost.StartAsync(servers, new Dictionary<string, string?>
    {
        ["Nhi:Inventory:Live:MaxTicketsPerIdentity"] = "2",
        ["Nhi:Inventory:Live:MaxStreamsPerIdentity"] = "1",
        ["Nhi:Inventory:Live:AccessCheckInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Stream_WhenItsIdentityIsDisabled_EndsWithinSeconds()
    {
        var (clientId, token) = await RegisterReaderAsync();
        using var stream = await OpenStreamAsync(token);

        using (var disabled = await AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "test" }))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        await AssertEndsAsync(stream);
    }

    [Fact]
    public async Task Stream_WhenItsIdentityLosesRead_EndsWithinSeconds()
    {
        var (clientId, token) = await RegisterReaderAsync();
        using var stream = await OpenStreamAsync(token);

        using (var updated = await AdminAsync(HttpMethod.Patch, $"/api/admin/identities/{clientId}", new { allowedScopes = new[] { NhiScopes.EchoRead } }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        await AssertEndsAsync(stream);
        // Its token still says nhi.read until it expires, but no new stream opens for it.
        var (status, _) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/live/ticket", token);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Tickets_BeyondTheLimitPerIdentity_Are429()
    {
        var (_, token) = await RegisterReaderAsync();
        await _host.GetOkAsync("/api/inventory/live/ticket", token);
        await _host.GetOkAsync("/api/inventory/live/ticket", token);

        var (status, body) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/live/ticket", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(429, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Streams_BeyondTheLimitPerIdentity_Are429_AlsoOnAnotherReplica()
    {
        var (_, token) = await RegisterReaderAsync();
        using var first = await OpenStreamAsync(token);
        await using var replica = await InventoryTestHost.StartAsync(servers, new Dictionary<string, string?>
        {
            ["Nhi:Inventory:Live:MaxStreamsPerIdentity"] = "1",
        }, _host.Environment);

        var url = (await _host.GetOkAsync("/api/inventory/live/ticket", token)).GetProperty("url").GetString()!;
        using var second = await replica.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A new identity allowed <c>nhi.read</c>, registered at the token service, and a token of it.</summary>
    private async Task<(string ClientId, string Token)> RegisterReaderAsync()
    {
        using var created = await AdminAsync(HttpMethod.Post, "/api/admin/identities",
            new { displayName = "live reader", owner = "team-ops", purpose = "watches the map", allowedScopes = new[] { NhiScopes.Read } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = body.GetProperty("clientId").GetString()!;
        using var tokens = _host.Tokens.CreateLoopbackClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = NhiScopes.Read }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes($"{clientId}:{body.GetProperty("clientSecret").GetString()}")));
        using var response = await tokens.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (clientId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object body)
    {
        using var tokens = _host.Tokens.CreateLoopbackClient();
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _host.GetTokenAsync(NhiScopes.Admin));
        return await tokens.SendAsync(request);
    }

    private async Task<StreamReader> OpenStreamAsync(string token)
    {
        var url = (await _host.GetOkAsync("/api/inventory/live/ticket", token)).GetProperty("url").GetString()!;
        var response = await _host.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 1000", await reader.ReadLineAsync());
        Assert.Equal("event: ready", await reader.ReadLineAsync());
        return reader;
    }

    /// <summary>Reads until <c>event: ended</c> and the end of the stream, within 10 seconds.</summary>
    private static async Task AssertEndsAsync(StreamReader stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var sawEnded = false;
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            sawEnded |= line == "event: ended";
        }

        Assert.True(sawEnded, "The stream closed without saying it ended.");
    }
}
