using System.Text.Json;
using Microsoft.Playwright;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Inventory.Ingestion;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Hosting;
using NhiPlatform.TokenService.Apis.Models;
using Npgsql;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>
/// The operator page in Debian's chromium, behind one origin like the gateway's: sign in with an nhi.read identity,
/// see the node of an identity that called, click it, see its owner; a new caller appears live without a reload.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OperatorPageTests(LocalServersFixture servers)
{
    private const string Issuer = "https://gateway.test";

    [Fact]
    public async Task Page_SignIn_ClickIdentityNode_ShowsOwner_AndLiveUpdates()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        var bootstrapFile = Path.Combine(Directory.CreateTempSubdirectory("nhi-inventory-browser-").FullName, BootstrapCredentials.FileName);
        var common = new Dictionary<string, string?>
        {
            [NhiConfigurationKeys.ConnectionString(NhiResources.Database)] = environment.PostgresConnectionString,
            [NhiConfigurationKeys.ConnectionString(NhiResources.Cache)] = environment.RedisConnectionString,
            [NhiConfigurationKeys.Issuer] = Issuer,
        };
        await using var tokens = new ServiceHost<CreateIdentityRequest>(new Dictionary<string, string?>(common)
        {
            [NhiConfigurationKeys.BootstrapCredentialsFile] = bootstrapFile,
        });
        tokens.Start();
        await using var inventory = new ServiceHost<IngestionOptions>(new Dictionary<string, string?>(common)
        {
            [NhiConfigurationKeys.ServiceEndpoint(NhiResources.Tokens)] = tokens.BaseAddress.ToString().TrimEnd('/'),
            ["Nhi:Inventory:Live:Channel"] = $"nhi:inventory:changes:{Guid.NewGuid():N}",
        });
        inventory.Start();
        await using var front = await FrontDoor.StartAsync(tokens.BaseAddress, inventory.BaseAddress);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
        var database = redis.GetDatabase();
        var now = DateTimeOffset.UtcNow;
        await PublishAsync(database, NhiStreams.Identities, IdentityChangedEvent.TypeName,
            JsonSerializer.Serialize(Identity("orders-ui", "team-orders-ui", now), NhiEventsJsonContext.Default.IdentityChangedEvent));
        await PublishAsync(database, NhiStreams.Usage, UsageRecordedEvent.TypeName,
            JsonSerializer.Serialize(Call("orders-ui", now), NhiEventsJsonContext.Default.UsageRecordedEvent));
        await WaitForAsync(environment, "SELECT count(*) FROM inventory.edges WHERE caller = 'orders-ui'");
        await WaitForAsync(environment, "SELECT count(*) FROM inventory.identities WHERE client_id = 'orders-ui'");
        var admin = JsonSerializer.Deserialize(await File.ReadAllTextAsync(bootstrapFile), LocalRunJsonContext.Default.BootstrapCredentials)!;

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(front.BaseAddress, "/ui/").ToString());
        await page.FillAsync("#client-id", admin.ClientId);
        await page.FillAsync("#client-secret", admin.ClientSecret);
        await page.ClickAsync("#signin-button");

        await page.WaitForFunctionAsync("() => window.nhiMap && window.nhiMap.cy.getElementById('orders-ui').length === 1",
            null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        await page.WaitForFunctionAsync("() => document.getElementById('live').textContent === 'live'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        var point = await page.EvaluateAsync<JsonElement>("""
            () => {
              const node = window.nhiMap.cy.getElementById('orders-ui');
              const position = node.renderedPosition();
              const box = document.getElementById('map').getBoundingClientRect();
              return { x: box.left + position.x, y: box.top + position.y };
            }
            """);
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        var owner = page.Locator("#identity-owner");
        await owner.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("team-orders-ui", await owner.TextContentAsync());

        // Live: a new caller shows up through the event stream, no reload, within 2 s of its commit (plus polling slack).
        await PublishAsync(database, NhiStreams.Usage, UsageRecordedEvent.TypeName,
            JsonSerializer.Serialize(Call("late-ui", DateTimeOffset.UtcNow), NhiEventsJsonContext.Default.UsageRecordedEvent));
        await page.WaitForFunctionAsync("() => window.nhiMap.cy.getElementById('late-ui').length === 1", null, new PageWaitForFunctionOptions { Timeout = 3_000 });

        var screenshot = Path.Combine(RepositoryLayout.Root, "test-results", "inventory-browser", "operator-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot was written");
    }

    private static IdentityChangedEvent Identity(string clientId, string owner, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, Change = IdentityChangeKinds.Created, ClientId = clientId, Actor = "admin",
        Identity = new IdentitySnapshot
        {
            ClientId = clientId, DisplayName = clientId, Owner = owner, Purpose = "Places orders", Status = "active",
            CreatedAt = at, CreatedBy = "admin", UpdatedAt = at, UpdatedBy = "admin", AllowedScopes = ["echo.read"],
        },
    };

    private static UsageRecordedEvent Call(string clientId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, ClientId = clientId, TokenId = Guid.NewGuid().ToString("N"), Scopes = "echo.read", RouteId = "echo",
        Destination = "echo", Method = "GET", Path = "/svc/echo/hello", Status = 200, LatencyMs = 3, Decision = UsageDecisions.Allowed,
    };

    private static Task PublishAsync(IDatabase database, string stream, string type, string data) =>
        database.StreamAddAsync(stream, [new NameValueEntry(NhiStreams.TypeField, type), new NameValueEntry(NhiStreams.VersionField, 1), new NameValueEntry(NhiStreams.DataField, data)]);

    private static async Task WaitForAsync(TestEnvironment environment, string sql)
    {
        await using var connection = new NpgsqlConnection(environment.PostgresConnectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out: {sql}");
    }
}
