using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.BrowserTests;

/// <summary>
/// The Aspire dashboard an operator opens from ./run.sh's login link: its resources view lists PostgreSQL, Redis, every
/// service and sample, running. The screenshot it saves is the README's <c>docs/dashboard.png</c>.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class DashboardTests(DemoPlatformFixture fixture)
{
    private static readonly string[] Resources =
    [
        NhiResources.Postgres, NhiResources.Cache, NhiResources.Tokens, NhiResources.Inventory, NhiResources.Gateway,
        NhiResources.Echo, NhiResources.Billing, NhiResources.Orders, NhiResources.DemoTraffic,
    ];

    public static string ScreenshotPath { get; } = Path.Combine(RepositoryLayout.Root, "test-results", "dashboard", "resources.png");

    [Fact]
    public async Task ResourcesView_ListsEveryResourceRunning_AndSavesTheReadmeScreenshot()
    {
        var platform = fixture.Platform;
        var dashboard = platform.Endpoints.Dashboard ?? throw new InvalidOperationException("endpoints.json names no dashboard.");
        var token = platform.App.Services.GetRequiredService<IConfiguration>()["AppHost:BrowserToken"];

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 1000 } });
        // The login link ./run.sh prints; the dashboard then shows its resources view.
        await page.GotoAsync($"{dashboard}/login?t={token}", new PageGotoOptions { Timeout = 60_000 });

        // Blazor renders the grid after the page loads: wait for every resource row and for each to say Running.
        await page.WaitForFunctionAsync(
            """
            (names) => {
              const rows = [...document.querySelectorAll('fluent-data-grid-row, [role=row]')].map((row) => row.innerText);
              return names.every((name) => rows.some((row) => row.includes(name) && row.includes('Running')));
            }
            """,
            Resources, new PageWaitForFunctionOptions { Timeout = 90_000, PollingInterval = 500 });

        var shown = await page.Locator("body").InnerTextAsync();
        Assert.All(Resources, name => Assert.Contains(name, shown, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        Assert.True(new FileInfo(ScreenshotPath).Length > 20_000, "the screenshot is (nearly) blank");
    }
}
