using System.Net;
using System.Net.Http.Headers;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class UsageApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private InventoryTestHost _host = null!;

    public async Task InitializeAsync() => _host = await InventoryTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Usage_ByPathAndClient_ReturnsMatchingCallsNewestFirst()
    {
        var path = $"/svc/echo/q-{Guid.NewGuid():N}";
        await _host.PublishAsync(InventoryTestHost.NewEvent(path, "orders", 200) with { OccurredAt = DateTimeOffset.UtcNow.AddSeconds(-2) });
        await _host.PublishAsync(InventoryTestHost.NewEvent(path, null, 401));
        await _host.PublishAsync(InventoryTestHost.NewEvent(path, "billing", 403));
        var token = await _host.GetReaderTokenAsync();

        System.Text.Json.JsonElement page = default;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!timeout.IsCancellationRequested)
        {
            page = await _host.QueryUsageAsync($"path={Uri.EscapeDataString(path)}", token);
            if (page.GetProperty("items").GetArrayLength() == 3)
            {
                break;
            }

            await Task.Delay(50);
        }

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(200, items[^1].GetProperty("status").GetInt32());
        var orders = await _host.QueryUsageAsync($"path={Uri.EscapeDataString(path)}&client_id=orders", token);
        Assert.Equal("orders", Assert.Single(orders.GetProperty("items").EnumerateArray()).GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task Usage_WithoutToken_Is401()
    {
        using var response = await _host.Client.GetAsync("/api/inventory/usage");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Usage_LimitOutOfRange_IsValidationProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/usage?limit=100000");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _host.GetReaderTokenAsync());

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Usage_BadSince_Is400NotServerError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/usage?since=yesterday-ish");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _host.GetReaderTokenAsync());

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
