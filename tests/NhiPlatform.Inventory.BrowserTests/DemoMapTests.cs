using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;
using NhiPlatform.Testing.Platform;
using NhiPlatform.Testing.Tokens;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>
/// <c>./run.sh --demo</c> in Debian's chromium: once the demo's findings are open, the operator page shows its map
/// (identities → services, the hidden caller, dormant-sync greyed) and the findings; the screenshot it saves is the
/// README's <c>docs/operator-page.png</c>.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class DemoMapTests(DemoPlatformFixture fixture)
{
    /// <summary>The findings the demo promises, as (rule, subject or title fragment).</summary>
    private static readonly (string Rule, string Mentions)[] Expected =
    [
        ("dormant_identity", "dormant-sync"), ("unused_scopes", "legacy-batch"), ("credential_expiring", "billing.demo.internal"),
        ("credential_expired", "erp-gateway.demo.internal"), ("unknown_caller", "failed verification"),
    ];

    public static string ScreenshotPath { get; } = Path.Combine(RepositoryLayout.Root, "test-results", "inventory-browser", "demo-map.png");

    [Fact]
    public async Task DemoPage_ShowsTheMapAndItsFindings_AndSavesTheReadmeScreenshot()
    {
        var platform = fixture.Platform;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(platform.Endpoints.Gateway) };
        var client = new PlatformTestClient(http, platform.BootstrapFile);
        await WaitForFindingsAsync(client, TimeSpan.FromSeconds(150));
        var admin = await client.ReadBootstrapAsync();

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        await page.GotoAsync(new Uri(http.BaseAddress!, "/ui/").ToString());
        await page.FillAsync("#client-id", admin.ClientId);
        await page.FillAsync("#client-secret", admin.ClientSecret);
        await page.ClickAsync("#signin-button");

        await page.WaitForFunctionAsync("""
            () => window.nhiMap && ['orders', 'storefront', 'nightly-report', 'legacy-batch', 'dormant-sync']
              .every((id) => window.nhiMap.cy.getElementById(id).length === 1)
            """, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.nhiMap.cy.getElementById('dormant-sync').data('dormant')"));
        Assert.True(await page.EvaluateAsync<int>("() => window.nhiMap.cy.nodes('[kind = \"unverified\"]').length") >= 1, "the hidden caller is on the map");
        await page.WaitForFunctionAsync("() => document.getElementById('finding-list').children.length >= 5", null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
        var listed = await page.Locator("#finding-list").TextContentAsync() ?? string.Empty;
        Assert.All(Expected, expected => Assert.Contains(expected.Mentions, listed, StringComparison.Ordinal));

        // The map and the findings list side by side, before a card takes the top of the panel.
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        Assert.True(new FileInfo(ScreenshotPath).Length > 20_000, "the screenshot was written");

        // The legacy identity's card: its owner, beside its over-privilege finding.
        var point = await page.EvaluateAsync<JsonElement>("""
            () => {
              const position = window.nhiMap.cy.getElementById('legacy-batch').renderedPosition();
              const box = document.getElementById('map').getBoundingClientRect();
              return { x: box.left + position.x, y: box.top + position.y };
            }
            """);
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        var owner = page.Locator("#identity-owner");
        await owner.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("team-platform", await owner.TextContentAsync());
        Assert.Contains("scopes it never used", await page.Locator("#panel").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
    }

    /// <summary>Polls the findings API (through the gateway, as nhi.read) until every expected finding is open.</summary>
    private static async Task WaitForFindingsAsync(PlatformTestClient client, TimeSpan timeout)
    {
        var token = await client.GetAdminTokenAsync();
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/inventory/findings?status=open");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET /api/inventory/findings: {(int)response.StatusCode} {body}");
            var open = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(f => f.GetRawText()).ToList();
            (string Rule, string Mentions)[] missing = [.. Expected.Where(e => !open.Any(f => f.Contains($"\"rule\":\"{e.Rule}\"", StringComparison.Ordinal)
                                                            && f.Contains(e.Mentions, StringComparison.Ordinal)))];
            if (missing.Length == 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline,
                $"within {timeout.TotalSeconds:0} s these demo findings never opened: {string.Join(", ", missing.Select(m => $"{m.Rule} ({m.Mentions})"))}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
