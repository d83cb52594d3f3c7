using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Gateway.Usage;
using NhiPlatform.Testing;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>
/// Redis stopped for a while under traffic: every request is still served, and once Redis is back the stream holds exactly one
/// event (by unique event id) per request sent: what could not be written went to the spill file and was replayed.
/// </summary>
[Collection(RedisOutageCollection.Name)]
public sealed class RedisOutageTests(LocalServersFixture servers) : IAsyncLifetime
{
    private GatewayTestTopology _topology = null!;

    public async Task InitializeAsync() => _topology = await GatewayTestTopology.StartAsync(servers);

    public async Task DisposeAsync()
    {
        if (!servers.IsRedisRunning)
        {
            await servers.StartRedisAsync(CancellationToken.None);
        }

        await _topology.DisposeAsync();
    }

    private async Task SendAsync(string token, int count, int firstIndex)
    {
        for (var i = firstIndex; i < firstIndex + count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/svc/echo/outage/{i}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _topology.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task RedisStoppedUnderTraffic_RequestsServed_AndEveryUsageEventArrivesAfterwards()
    {
        var (clientId, secret) = await _topology.RegisterAsync("echo.read");
        var token = await _topology.GetTokenAsync(clientId, secret, "echo.read");
        var metrics = _topology.Gateway.Services.GetRequiredService<UsageMetrics>();
        const int before = 30, during = 80, after = 30;

        await SendAsync(token, before, 0);
        await servers.StopRedisAsync();
        Assert.False(servers.IsRedisRunning);
        await SendAsync(token, during, before);
        await servers.StartRedisAsync(CancellationToken.None);
        await SendAsync(token, after, before + during);

        const int total = before + during + after;
        var usage = await UsageStream.WaitForAsync(_topology.Environment.RedisConnectionString,
            u => u.Path.StartsWith("/svc/echo/outage/", StringComparison.Ordinal), total, TimeSpan.FromSeconds(60));
        var unique = usage.DistinctBy(u => u.EventId).ToList();
        Assert.Equal(total, unique.Count);
        Assert.Equal(total, unique.Select(u => u.Path).Distinct().Count());
        Assert.Equal(total, _topology.EchoRequests.Count("/outage/"));
        Assert.True(metrics.SpilledTotal >= during, $"spilled {metrics.SpilledTotal}");
        Assert.True(metrics.ReplayedTotal >= during, $"replayed {metrics.ReplayedTotal}");
        Assert.Equal(0, metrics.DroppedTotal);
    }
}
