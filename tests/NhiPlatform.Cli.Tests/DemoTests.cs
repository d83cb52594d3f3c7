using System.Text.Json;

namespace NhiPlatform.Cli.Tests;

/// <summary>
/// What the demo promises an operator within a minute or two, asked through <c>nhi</c>: who calls billing, and the
/// findings (dormant, over-privileged, expiring and expired certificates, a hidden caller). The AppHost's demo sets
/// finding windows of seconds, so each answer is polled until it appears or a bounded deadline passes.
/// </summary>
public sealed class DemoTests(DemoPlatform platform) : IClassFixture<DemoPlatform>
{
    /// <summary>Dormant is the slowest: 45 s after dormant-sync's one call, plus an evaluation.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private Task<NhiResult> NhiAsync(params string[] arguments) =>
        NhiProcess.RunAsync([.. arguments, "--state-dir", platform.StateDirectory]);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            var value = await read();
            if (done(value) || timeout.IsCancellationRequested)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The open findings of one rule, polled until one matches or the deadline passes; that one.</summary>
    private async Task<JsonElement> FindingAsync(string rule, Func<JsonElement, bool> matches)
    {
        var findings = await EventuallyAsync(
            async () => (await NhiAsync("findings", "list", "--rule", rule, "--json")).Json(),
            json => json.EnumerateArray().Any(matches));

        var all = findings.EnumerateArray().ToList();
        Assert.True(all.Any(matches), $"no matching {rule} finding within {Deadline.TotalSeconds} s; open: {findings.GetRawText()}");
        return all.First(matches);
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? string.Empty;

    private static string Evidence(JsonElement finding, string key) =>
        finding.GetProperty("evidence").TryGetProperty(key, out var value) ? value.GetString() ?? string.Empty : string.Empty;

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
        // The demo's hidden caller presents tokens of legacy-idp.corp.example; the finding names where it called from, never what it claimed.
        var finding = await FindingAsync("unknown_caller", f => Text(f, "subject").StartsWith("unverified@", StringComparison.Ordinal));

        Assert.Equal("low", Text(finding, "severity"));
        Assert.DoesNotContain("legacy-idp.corp.example", finding.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_NameTheIdentityThatStoppedCalling_AsDormant()
    {
        var finding = await FindingAsync("dormant_identity", f => Text(f, "subject") == "dormant-sync");

        Assert.Equal("dormant-sync", Text(finding, "clientId"));
        Assert.Contains("45 seconds", Text(finding, "title"), StringComparison.Ordinal);
        Assert.Equal("team-crm", Evidence(finding, "owner"));
    }

    [Fact]
    public async Task Findings_ListTheScopesTheLegacyIdentityNeverUsed()
    {
        var finding = await FindingAsync("unused_scopes", f => Text(f, "subject") == "legacy-batch");

        Assert.Equal(["billing.charge", "billing.refund", "nhi.read", "orders.write"], Evidence(finding, "unusedScopes").Split(' '));
        Assert.Equal("orders.read", Evidence(finding, "usedScopes"));
    }

    [Fact]
    public async Task Findings_WarnOfTheCertificateExpiringInDays_WithItsOwner()
    {
        var finding = await FindingAsync("credential_expiring", f => Text(f, "title").Contains("billing.demo.internal", StringComparison.Ordinal));

        Assert.StartsWith("x509:", Text(finding, "subject"), StringComparison.Ordinal);
        Assert.Equal("team-finance", Evidence(finding, "owner"));
        var expiresAt = DateTimeOffset.Parse(Evidence(finding, "expiresAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(4), TimeSpan.FromDays(6));
    }

    [Fact]
    public async Task Findings_FlagTheExpiredCertificate_AsHigh()
    {
        var finding = await FindingAsync("credential_expired", f => Text(f, "title").Contains("erp-gateway.demo.internal", StringComparison.Ordinal));

        Assert.Equal("high", Text(finding, "severity"));
        Assert.Equal("team-platform", Evidence(finding, "owner"));
    }

    [Fact]
    public async Task Rotated_DemoCertificates_EachImportedOnce_WithItsOwner()
    {
        var credentials = (await NhiAsync("rotated", "demo.internal", "--json")).Json();

        var owners = credentials.EnumerateArray().Select(i => i.GetProperty("credential"))
            .Select(c => $"{Text(c, "name")} {Text(c, "effectiveOwner")}").Order(StringComparer.Ordinal);
        Assert.Equal(["billing.demo.internal team-finance", "erp-gateway.demo.internal team-platform", "shop.demo.internal team-web"], owners);
    }
}
