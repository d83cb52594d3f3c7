using System.Net;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Apis;

/// <summary>The page and its event stream: anonymous static files; the stream only with a fresh, single-use ticket.</summary>
[Collection(ServersCollection.Name)]
public sealed class LiveApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private InventoryTestHost _host = null!;

    public async Task InitializeAsync() => _host = await InventoryTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Page_IsServedAnonymously_WithAContentSecurityPolicy()
    {
        using var redirect = await _host.Client.GetAsync("/ui");
        Assert.Equal("/ui/", redirect.RequestMessage!.RequestUri!.AbsolutePath);   // redirected to the slash form
        using var page = await _host.Client.GetAsync("/ui/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("connect-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("cytoscape.min.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var library = await _host.Client.GetAsync("/ui/vendor/cytoscape/cytoscape.min.js");
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    [Fact]
    public async Task Events_NeedATicket_WhichWorksOnce()
    {
        using var none = await _host.Client.GetAsync("/ui/events?ticket=made-up");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var ticket = await _host.GetOkAsync("/api/inventory/live/ticket", await _host.GetTokenAsync(InventoryApiClient.ReadScope));
        var url = ticket.GetProperty("url").GetString()!;

        using var stream = await _host.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using (var reader = new StreamReader(await stream.Content.ReadAsStreamAsync()))
        {
            Assert.Equal("retry: 1000", await reader.ReadLineAsync());
            Assert.Equal("event: ready", await reader.ReadLineAsync());
        }

        using var again = await _host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }
}
