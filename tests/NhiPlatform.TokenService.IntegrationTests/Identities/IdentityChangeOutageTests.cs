using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Identities;

/// <summary>The identity-change stream is lossless: changes made while Redis is down reach it once Redis is back.</summary>
[Collection(OutageCollection.Name)]
public sealed class IdentityChangeOutageTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync()
    {
        if (!servers.IsRedisRunning)
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ChangesWhileRedisIsDown_ArePublishedInOrderAfterItReturns()
    {
        // Warm the admin token while Redis is up (the token endpoint counts rate limits in Redis).
        (await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities")).Dispose();
        await servers.StopRedisAsync();

        using var created = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities",
            new { clientId = "offline-made", displayName = "o", owner = "o", purpose = "p", allowedScopes = new[] { "a.read" } });
        using var disabled = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/offline-made/disable", new { reason = "test" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        await servers.StartRedisAsync(CancellationToken.None);

        var entries = await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return (await _host.Redis.StreamRangeAsync(NhiStreams.Identities))
                        .Select(e => JsonSerializer.Deserialize(e[NhiStreams.DataField].ToString(), NhiEventsJsonContext.Default.IdentityChangedEvent)!)
                        .Where(e => e.ClientId == "offline-made").ToArray();
                }
                catch (StackExchange.Redis.RedisConnectionException)
                {
                    return [];
                }
            },
            events => events.Length == 2, timeoutSeconds: 30);

        Assert.Equal([IdentityChangeKinds.Created, IdentityChangeKinds.Disabled], entries.Select(e => e.Change));
        var cutOff = await Eventually.ValueAsync(() => _host.Redis.HashGetAsync(NhiPlatform.Contracts.Revocation.NhiRevocation.IdentityCutoffsKey, "offline-made"), 30);
        Assert.True(cutOff.HasValue);
    }
}
