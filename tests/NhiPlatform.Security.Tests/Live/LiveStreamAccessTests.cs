using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Security.Tests.Platform;

namespace NhiPlatform.Security.Tests.Live;

/// <summary>
/// Through the gateway: the operator page's event stream ends within seconds once its identity is disabled, and one
/// identity cannot pile up tickets (429 beyond the default five).
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class LiveStreamAccessTests(SecurityPlatform platform)
{
    [Fact]
    public async Task Stream_OfADisabledIdentity_EndsWithinSeconds()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.Read);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.Read);
        using var ticket = await platform.Client.GetWithBearerAsync("/api/inventory/live/ticket", token);
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
        var url = (await ticket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        using var stream = await platform.Client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("retry: 1000", await reader.ReadLineAsync());

        using (var disabled = await platform.Client.AdminAsync(HttpMethod.Post, $"/api/admin/identities/{clientId}/disable", new { reason = "security suite" }))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var sawEnded = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            sawEnded |= line == "event: ended";
        }

        Assert.True(sawEnded, "The stream closed without saying it ended.");
    }

    [Fact]
    public async Task Tickets_BeyondFivePerIdentity_Are429()
    {
        var (clientId, secret) = await platform.Client.RegisterAsync(NhiScopes.Read);
        var token = await platform.Client.TokenAsync(clientId, secret, NhiScopes.Read);
        for (var i = 0; i < 5; i++)
        {
            using var issued = await platform.Client.GetWithBearerAsync("/api/inventory/live/ticket", token);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        }

        using var refused = await platform.Client.GetWithBearerAsync("/api/inventory/live/ticket", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
