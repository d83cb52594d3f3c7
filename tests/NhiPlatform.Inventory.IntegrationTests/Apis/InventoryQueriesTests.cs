using System.Net;
using System.Text.Json;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using static NhiPlatform.Inventory.IntegrationTests.InventoryEvents;

namespace NhiPlatform.Inventory.IntegrationTests.Apis;

/// <summary>Each query of /api/inventory over one set of identities and calls, with real tokens.</summary>
[Collection(ServersCollection.Name)]
public sealed class InventoryQueriesTests(LocalServersFixture servers) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds());
    private InventoryTestHost _host = null!;
    private string _read = null!;
    private string _admin = null!;
    private readonly string _ordersToken = "jti-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _host = await InventoryTestHost.StartAsync(servers);
        _read = await _host.GetTokenAsync(InventoryApiClient.ReadScope);
        _admin = await _host.GetTokenAsync(InventoryApiClient.AdminScope);
        var redis = _host.Redis.GetDatabase();
        await PublishAsync(redis, IdentityChanged("q-orders", Start, owner: "team-orders",
            credentials: [Secret("q-orders-old", Start.AddDays(-200)), Secret("q-orders-new", Start)]));
        await PublishAsync(redis, IdentityChanged("q-billing", Start, owner: "team-billing", credentials: [Secret("q-billing-1", Start.AddDays(-10))]));
        await _host.PublishAsync(Call("q-orders", "echo-route", "echo", Start.AddHours(1), tokenId: _ordersToken));
        await _host.PublishAsync(Call("q-orders", "echo-route", "echo", Start.AddHours(2), tokenId: _ordersToken));
        await _host.PublishAsync(Call("q-billing", "echo-route", "echo", Start.AddHours(3), decision: UsageDecisions.Denied));
        await _host.PublishAsync(Call("q-billing", "pay-route", "payments", Start.AddHours(4)));
        await InventoryApiClient.EventuallyAsync(() => _host.ScalarAsync("SELECT coalesce(sum(calls), 0) FROM inventory.callers"), n => n == 4, "4 calls");
        await InventoryApiClient.EventuallyAsync(() => _host.ScalarAsync("SELECT count(*) FROM inventory.identities WHERE client_id IN ('q-orders', 'q-billing')"), n => n == 2, "2 identities");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Callers_OfAService_ListsIdentitiesOwnersCountsAndLastSeen()
    {
        var callers = (await _host.GetOkAsync("/api/inventory/callers?service=echo", _read)).EnumerateArray().ToList();

        Assert.Equal(2, callers.Count);
        var orders = callers.Single(c => c.GetProperty("caller").GetString() == "q-orders");
        Assert.Equal("team-orders", orders.GetProperty("owner").GetString());
        Assert.Equal(2, orders.GetProperty("calls").GetInt64());
        Assert.Equal(Start.AddHours(2), orders.GetProperty("lastSeen").GetDateTimeOffset());
        var billing = callers.Single(c => c.GetProperty("caller").GetString() == "q-billing");
        Assert.Equal(1, billing.GetProperty("denials").GetInt64());
    }

    [Fact]
    public async Task Callers_OfARoute_OnlyThatRoute()
    {
        var callers = (await _host.GetOkAsync("/api/inventory/callers?route=pay-route", _read)).EnumerateArray().ToList();

        Assert.Equal("q-billing", Assert.Single(callers).GetProperty("caller").GetString());
    }

    [Fact]
    public async Task IdentityCard_HasOwnerCredentialsWithAgeRoutesAndUsage()
    {
        var card = await _host.GetOkAsync("/api/inventory/identities/q-orders", _read);

        Assert.Equal("team-orders", card.GetProperty("identity").GetProperty("owner").GetString());
        Assert.Equal(2, card.GetProperty("usage").GetProperty("calls").GetInt64());
        var credentials = card.GetProperty("credentials").EnumerateArray().ToList();
        Assert.Equal(2, credentials.Count);
        Assert.True(credentials.Single(c => c.GetProperty("credential").GetProperty("credentialId").GetString() == "q-orders-old")
            .GetProperty("daysSinceRotation").GetInt32() >= 200);
        Assert.Equal("echo-route", Assert.Single(card.GetProperty("routes").EnumerateArray()).GetProperty("routeId").GetString());
    }

    [Fact]
    public async Task IdentityCard_Unknown_IsProblem404()
    {
        var (status, body) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/identities/nobody", _read);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Unknown identity", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TokenOwner_ByJti_IsTheIdentityAndItsOwner()
    {
        var owner = await _host.GetOkAsync($"/api/inventory/tokens/{_ordersToken}/owner", _read);

        Assert.Equal("q-orders", owner.GetProperty("clientId").GetString());
        Assert.Equal("team-orders", owner.GetProperty("owner").GetString());
        Assert.Equal(2, owner.GetProperty("calls").GetInt64());
        var (status, _) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/tokens/never-seen/owner", _read);
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task InspectToken_RawTokenIsDecodedButNeverTrusted()
    {
        // A forged token (no valid signature) claiming q-billing from a foreign issuer.
        static string Part(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var forged = $"{Part("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}")}.{Part("{\"iss\":\"https://evil.example\",\"sub\":\"q-billing\",\"client_id\":\"q-billing\",\"jti\":\"x1\",\"exp\":4102444800}")}.c2ln";

        var (status, body) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/tokens/inspect", _admin, InventoryApiClient.Json(new { token = forged }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("verified").GetBoolean());
        Assert.False(body.GetProperty("issuerIsOurs").GetBoolean());
        Assert.Equal("team-billing", body.GetProperty("owner").GetString());
        var (bad, _) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/tokens/inspect", _admin, InventoryApiClient.Json(new { token = "not-a-jwt" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task Credentials_RotatedBefore_OnlyThoseNotRotatedSince()
    {
        var before = Uri.EscapeDataString(Start.AddDays(-30).ToString("O"));

        var credentials = (await _host.GetOkAsync($"/api/inventory/credentials?rotated_before={before}", _read)).EnumerateArray().ToList();

        Assert.Equal("q-orders-old", Assert.Single(credentials).GetProperty("credential").GetProperty("credentialId").GetString());
    }

    [Fact]
    public async Task Search_AnswersWhoCallsAService()
    {
        var answer = await _host.GetOkAsync("/api/inventory/search?q=payments", _read);

        Assert.Equal("team-billing", Assert.Single(answer.GetProperty("callers").EnumerateArray()).GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Map_HasIdentityAndServiceNodesAndWeightedEdges()
    {
        var map = await _host.GetOkAsync("/api/inventory/map", _read);

        var nodes = map.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains("q-orders", nodes);
        Assert.Contains("service:echo", nodes);
        var edge = map.GetProperty("edges").EnumerateArray().Single(e => e.GetProperty("source").GetString() == "q-billing" && e.GetProperty("target").GetString() == "service:echo");
        Assert.Equal(1, edge.GetProperty("denials").GetInt64());
    }

    [Fact]
    public async Task Export_IdentitiesAsCsvAndJson()
    {
        var (status, csv) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/export/identities?format=csv", _read);
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = csv.GetString()!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("client_id,display_name,owner", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("q-orders,q-orders service,team-orders", StringComparison.Ordinal));

        var json = await _host.GetOkAsync("/api/inventory/export/edges?format=json", _read);
        Assert.Equal(3, json.GetArrayLength());
    }

    [Fact]
    public async Task Writes_WithOnlyNhiRead_Are403_AndReadsWithoutToken401()
    {
        var (write, _) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/findings/evaluate", _read);
        Assert.Equal(HttpStatusCode.Forbidden, write);
        var (import, _) = await _host.SendAsync(HttpMethod.Post, "/api/inventory/imports/api-keys", _read, InventoryApiClient.Json(Array.Empty<object>()));
        Assert.Equal(HttpStatusCode.Forbidden, import);
        using var anonymous = await _host.Client.GetAsync("/api/inventory/map");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (read, _) = await _host.SendAsync(HttpMethod.Get, "/api/inventory/map", _admin);
        Assert.Equal(HttpStatusCode.Forbidden, read);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheQueries()
    {
        var document = JsonDocument.Parse(await _host.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/inventory/callers", paths);
        Assert.Contains("/api/inventory/identities/{clientId}", paths);
        Assert.Contains("/api/inventory/tokens/{tokenId}/owner", paths);
    }
}
