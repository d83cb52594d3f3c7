using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Identities;

/// <summary>The token endpoint needs no PostgreSQL round trip (cached identities) and keeps issuing when Redis is down (limits fail open).</summary>
[Collection(OutageCollection.Name)]
public sealed class HotPathOutageTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync()
    {
        if (!servers.IsRedisRunning)
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }

        if (!servers.IsPostgresRunning)
        {
            await servers.StartPostgresAsync(CancellationToken.None);
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Token_WithPostgresStopped_IsIssuedFromTheIdentityCache()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        // The registration's change announcement must be out before the cache is filled: this test is about
        // serving from the cache, not about how announcements race with it.
        await Eventually.TrueAsync(
            async () => (await _host.Redis.StreamRangeAsync(NhiStreams.Identities))
                .Count(e => e[NhiStreams.DataField].ToString().Contains($"\"clientId\":\"{clientId}\"", StringComparison.Ordinal)),
            count => count > 0, timeoutSeconds: 30);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync(clientId, secret)).StatusCode);

        await servers.StopPostgresAsync();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                using var response = await _host.RequestTokenAsync(clientId, secret);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            using var wrong = await _host.RequestTokenAsync(clientId, "nhi_sk_" + new string('b', 64) + "00000000");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        finally
        {
            await servers.StartPostgresAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Token_WithRedisStopped_IsStillIssued_RateLimitsFailOpen()
    {
        var (clientId, secret) = await _host.RegisterAsync("echo.read");
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync(clientId, secret)).StatusCode);

        await servers.StopRedisAsync();
        try
        {
            using var response = await _host.RequestTokenAsync(clientId, secret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }
    }
}
