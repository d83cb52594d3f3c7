using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using NhiPlatform.Inventory.Domain;
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

    [Fact]
    public async Task Usage_PagedWithTheNextCursor_WalksEveryRowOnceNewestFirst()
    {
        var path = $"/svc/echo/paged-{Guid.NewGuid():N}";
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        // 25 rows, three to an instant: ties are broken by event id, never repeated or skipped across pages.
        var events = Enumerable.Range(0, 25).Select(i => InventoryTestHost.NewEvent(path) with { OccurredAt = start.AddSeconds(i / 3) }).ToList();
        await _host.GetService<IUsageLedger>().AppendAsync(events, [], CancellationToken.None);
        var token = await _host.GetReaderTokenAsync();

        var seen = new List<JsonElement>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await _host.QueryUsageAsync($"path={Uri.EscapeDataString(path)}&limit=10" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), token);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(events.Select(e => e.EventId).Order(), seen.Select(e => e.GetProperty("eventId").GetGuid()).Order());
        var instants = seen.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(instants.OrderDescending(), instants);
    }

    [Fact]
    public async Task Findings_PagedWithTheLinkHeader_WalkEveryFindingOnceMostSevereFirst()
    {
        var rule = $"paged_{Guid.NewGuid():N}";
        string[] severities = [FindingSeverity.Low, FindingSeverity.High, FindingSeverity.Medium];
        var detected = Enumerable.Range(0, 12).Select(i => new DetectedFinding(rule, $"subject-{i}", null, severities[i % 3], $"finding {i}",
            new Dictionary<string, string>())).ToList();
        await _host.GetService<IFindingStore>().RecordEvaluationAsync(detected, [rule], DateTimeOffset.UtcNow, CancellationToken.None);
        var token = await _host.GetReaderTokenAsync();

        var seen = new List<JsonElement>();
        var pages = 0;
        string? next = $"/api/inventory/findings?rule={rule}&limit=5";
        while (next is not null && pages < 10)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await _host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.Clone()));
            next = response.Headers.TryGetValues("Link", out var links)
                ? Regex.Match(links.Single(), "^<([^>]+)>; rel=\"next\"$").Groups[1].Value : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(detected.Select(d => d.Subject).Order(), seen.Select(f => f.GetProperty("subject").GetString()).Order());
        var ranks = seen.Select(f => FindingSeverity.Rank(f.GetProperty("severity").GetString()!)).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("since=yesterday-ish", "since")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("clientid=orders", "clientid")]
    public async Task Usage_UnreadableParameter_IsValidationProblemNamingIt(string query, string parameter)
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/usage?" + query, await _host.GetReaderTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _), body.ToString());
    }

    [Theory]
    [InlineData("/api/inventory/credentials?rotated_before=last-week", "rotated_before")]
    [InlineData("/api/inventory/findings?severity=critical", "severity")]
    [InlineData("/api/inventory/findings?status=open&limit=0", "limit")]
    [InlineData("/api/inventory/callers?service=billing&servce=orders", "servce")]
    [InlineData("/api/inventory/search?q=a&q=b", "q")]
    [InlineData("/api/inventory/export/identities?format=xml", "format")]
    public async Task OtherLists_UnreadableParameter_IsValidationProblemNamingIt(string path, string parameter)
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Get, path, await _host.GetReaderTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _), body.ToString());
    }
}
