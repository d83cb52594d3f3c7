using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Testing;

namespace NhiPlatform.TokenService.IntegrationTests.Apis;

[Collection(ServersCollection.Name)]
public sealed class IdentityLifecycleApiTests(LocalServersFixture servers) : IAsyncLifetime
{
    private TokenServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TokenServiceTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Body(string clientId, string owner = "team-a") => new
    {
        clientId,
        displayName = "Orders API",
        owner,
        purpose = "Charges customers",
        tags = new Dictionary<string, string> { ["env"] = "prod", ["system"] = "orders" },
        allowedScopes = new[] { "billing.charge", "billing.read" },
        defaultScopes = new[] { "billing.read" },
        allowedAudiences = new[] { "https://billing.internal" },
        tokenLifetimeSeconds = 120,
        credentialMaxAgeDays = 30,
    };

    [Fact]
    public async Task Create_FullModel_IsStoredAndReadBackWithCredentialMetadataOnly()
    {
        var created = await _host.CreateAsync(Body("orders-full"));
        var secret = created.GetProperty("clientSecret").GetString()!;

        using var read = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/orders-full");
        var text = await read.Content.ReadAsStringAsync();
        var identity = JsonDocument.Parse(text).RootElement;

        Assert.Equal("prod", identity.GetProperty("tags").GetProperty("env").GetString());
        Assert.Equal(["billing.read"], identity.GetProperty("defaultScopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(120, identity.GetProperty("tokenLifetimeSeconds").GetInt32());
        Assert.Equal(30, identity.GetProperty("credentialMaxAgeDays").GetInt32());
        var credential = Assert.Single(identity.GetProperty("credentials").EnumerateArray());
        Assert.Equal("client_secret", credential.GetProperty("kind").GetString());
        Assert.Equal(secret[^4..], credential.GetProperty("hint").GetString());
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(3601)]
    public async Task Create_TokenLifetimeOutsidePolicy_IsValidationProblem(int seconds)
    {
        using var response = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities",
            new { displayName = "x", owner = "o", purpose = "p", allowedScopes = new[] { "a" }, tokenLifetimeSeconds = seconds });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("tokenLifetimeSeconds", out _));
    }

    [Fact]
    public async Task Patch_ChangesSettings_AndRefusesOwner()
    {
        await _host.CreateAsync(Body("orders-patch"));

        using var patched = await _host.AdminAsync(HttpMethod.Patch, "/api/admin/identities/orders-patch",
            new { purpose = "Reads invoices", allowedScopes = new[] { "billing.read" }, tags = new Dictionary<string, string> { ["env"] = "dev" } });
        using var owner = await _host.AdminAsync(HttpMethod.Patch, "/api/admin/identities/orders-patch", new { owner = "someone-else" });
        using var unknown = await _host.AdminAsync(HttpMethod.Patch, "/api/admin/identities/nobody", new { purpose = "x" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reads invoices", body.GetProperty("purpose").GetString());
        Assert.Equal("dev", body.GetProperty("tags").GetProperty("env").GetString());
        Assert.Equal("nhi-admin", body.GetProperty("updatedBy").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, owner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DisableEnable_StopsAndRestoresTokens_AndPublishesCutOff()
    {
        var created = await _host.CreateAsync(Body("orders-toggle"));
        var secret = created.GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("orders-toggle", secret)).StatusCode);

        using var disabled = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-toggle/disable", new { reason = "incident 42" });
        using var again = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-toggle/disable");
        using var refused = await _host.RequestTokenAsync("orders-toggle", secret);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal("disabled", (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var cutOff = await Eventually.ValueAsync(() => _host.Redis.HashGetAsync(NhiRevocation.IdentityCutoffsKey, "orders-toggle"));
        Assert.True((long)cutOff > DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());

        using var enabled = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-toggle/enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.RequestTokenAsync("orders-toggle", secret)).StatusCode);
    }

    [Fact]
    public async Task Transfer_ChangesOwner_AndIsAudited()
    {
        await _host.CreateAsync(Body("orders-transfer"));

        using var transfer = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-transfer/transfer",
            new { newOwner = "team-b", reason = "reorg" });
        using var empty = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-transfer/transfer", new { newOwner = "" });
        using var audit = await _host.AdminAsync(HttpMethod.Get, "/api/admin/audit?target=orders-transfer&action=owner_transferred");

        Assert.Equal("team-b", (await transfer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var entry = Assert.Single((await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("nhi-admin", entry.GetProperty("actor").GetString());
        Assert.Equal("reorg", entry.GetProperty("reason").GetString());
        Assert.Equal("team-a", entry.GetProperty("before").GetProperty("owner").GetString());
        Assert.Equal("team-b", entry.GetProperty("after").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Delete_LeavesTombstone_ThatCannotChangeOrAuthenticate()
    {
        var created = await _host.CreateAsync(Body("orders-delete"));

        using var deleted = await _host.AdminAsync(HttpMethod.Delete, "/api/admin/identities/orders-delete");
        using var read = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities/orders-delete");
        using var enable = await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/orders-delete/enable");
        using var token = await _host.RequestTokenAsync("orders-delete", created.GetProperty("clientSecret").GetString()!);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("deleted", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, enable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByOwnerTagStatusAndScope()
    {
        await _host.CreateAsync(Body("filter-one", owner: "team-filter"));
        await _host.CreateAsync(Body("filter-two", owner: "team-filter"));
        await _host.AdminAsync(HttpMethod.Post, "/api/admin/identities/filter-two/disable");

        async Task<string[]> ListAsync(string query)
        {
            using var response = await _host.AdminAsync(HttpMethod.Get, "/api/admin/identities?" + query);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("clientId").GetString()!)];
        }

        Assert.Equal(["filter-one", "filter-two"], await ListAsync("owner=team-filter"));
        Assert.Equal(["filter-one"], await ListAsync("owner=team-filter&status=active"));
        Assert.Equal(["filter-one", "filter-two"], await ListAsync("tag=system%3Dorders"));
        Assert.Empty(await ListAsync("tag=system%3Dother"));
        Assert.Equal(["nhi-admin"], await ListAsync("scope=" + NhiScopes.Admin));
    }
}
