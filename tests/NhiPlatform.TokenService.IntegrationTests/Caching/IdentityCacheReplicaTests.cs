using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Caching;

/// <summary>Two replicas: a change made on one drops the other's cached identity (Redis pub/sub), well before the cache's safety expiry.</summary>
[Collection(ServersCollection.Name)]
public sealed class IdentityCacheReplicaTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _a = null!;
    private TokenServiceTestHost _b = null!;

    public async Task InitializeAsync()
    {
        _a = await TokenServiceTestHost.StartAsync(servers);
        _b = await TokenServiceTestHost.StartAsync(servers, _a.Environment, _a.StateDirectory);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Disable_OnReplicaA_StopsTokensOnReplicaB_WhichHadItCached()
    {
        var (clientId, secret) = await _a.RegisterAsync("echo.read");
        Assert.Equal(HttpStatusCode.OK, (await _b.RequestTokenAsync(clientId, secret)).StatusCode);

        (await _a.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable")).Dispose();

        await Eventually.TrueAsync(async () =>
        {
            using var response = await _b.RequestTokenAsync(clientId, secret);
            return response.StatusCode;
        }, status => status == HttpStatusCode.Unauthorized, timeoutSeconds: 10);
    }

    [Fact]
    public async Task Rotate_OnReplicaA_NewSecretWorksOnReplicaB()
    {
        var (clientId, secret) = await _a.RegisterAsync("echo.read");
        Assert.Equal(HttpStatusCode.OK, (await _b.RequestTokenAsync(clientId, secret)).StatusCode);

        using var rotated = await _a.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/credentials/rotate");
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        await Eventually.TrueAsync(async () =>
        {
            using var response = await _b.RequestTokenAsync(clientId, fresh);
            return response.StatusCode;
        }, status => status == HttpStatusCode.OK, timeoutSeconds: 10);
    }

    [Fact]
    public async Task TokenRequests_RecordLastUsed_OffTheHotPath()
    {
        var (clientId, secret) = await _a.RegisterAsync("echo.read");
        Assert.Equal(HttpStatusCode.OK, (await _a.RequestTokenAsync(clientId, secret)).StatusCode);

        var credential = await Eventually.TrueAsync(async () =>
        {
            using var list = await _a.AdminAsync(HttpMethod.Get, $"/api/admin/identities/{clientId}/credentials");
            return (await list.Content.ReadFromJsonAsync<JsonElement>())[0];
        }, c => c.TryGetProperty("lastUsedAt", out var used) && used.ValueKind == JsonValueKind.String, timeoutSeconds: 20);

        Assert.True(credential.GetProperty("lastUsedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }
}
