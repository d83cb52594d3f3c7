using System.Text.Json;

namespace NhiPlatform.Cli.Tests;

/// <summary>What the demo promises an operator within a minute, asked through <c>nhi</c>.</summary>
public sealed class DemoTests(DemoPlatform platform) : IClassFixture<DemoPlatform>
{
    private Task<NhiResult> NhiAsync(params string[] arguments) =>
        NhiProcess.RunAsync([.. arguments, "--state-dir", platform.StateDirectory]);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested)
            {
                return value;
            }

            await Task.Delay(1000);
        }
    }

    [Fact]
    public async Task WhoCallsBilling_NamesTheOrdersService()
    {
        var callers = await EventuallyAsync(async () => (await NhiAsync("who-calls", "billing", "--json")).Json(),
            json => json.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == "orders"));

        var orders = Assert.Single(callers.EnumerateArray(), c => c.GetProperty("caller").GetString() == "orders");
        Assert.Equal("team-orders", orders.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Findings_RevealTheHiddenCaller()
    {
        var findings = await EventuallyAsync(
            async () => (await NhiAsync("findings", "list", "--evaluate", "--rule", "unknown_caller", "--json")).Json(),
            json => json.GetArrayLength() > 0);

        Assert.Contains(findings.EnumerateArray(), f => f.GetRawText().Contains("legacy-idp.corp.example", StringComparison.Ordinal));
    }
}
