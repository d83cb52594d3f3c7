using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Inventory.Findings.Rules;
using static NhiPlatform.Inventory.Tests.Findings.Rules.RuleFixture;

namespace NhiPlatform.Inventory.Tests.Findings.Rules;

/// <summary>The identity rules, each with a controlled clock (a FakeTimeProvider moved by days).</summary>
public sealed class IdentityRulesTests
{
    [Fact]
    public void DormantIdentity_NoCallFor30Days_IsFound_AndNotBeforeDay30()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orders", Now.AddDays(-100)), Identity("never-called", Now.AddDays(-10)), Identity("busy", Now.AddDays(-100))],
            Callers = [Caller("orders", Now.AddDays(-29)), Caller("busy", Now.AddHours(-1))],
        };

        Assert.Empty(new DormantIdentityRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("orders", Assert.Single(new DormantIdentityRule().Evaluate(Context(snapshot, clock))).Subject);
        clock.Advance(TimeSpan.FromDays(19));
        Assert.Equal(["never-called", "orders"], new DormantIdentityRule().Evaluate(Context(snapshot, clock)).Select(f => f.Subject).Order());
    }

    [Fact]
    public void DormantIdentity_WindowInSeconds_IsFoundAfterIt_AndNamedInTheTitle()
    {
        var clock = Clock();
        var options = new FindingsOptions { DormantAfter = TimeSpan.FromSeconds(45) };
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("dormant-sync", Now.AddMinutes(-5)), Identity("busy", Now.AddMinutes(-5))],
            Callers = [Caller("dormant-sync", Now.AddSeconds(-40)), Caller("busy", Now)],
        };

        Assert.Empty(new DormantIdentityRule().Evaluate(Context(snapshot, clock, options)));
        clock.Advance(TimeSpan.FromSeconds(10));
        var finding = Assert.Single(new DormantIdentityRule().Evaluate(Context(snapshot, clock, options)));
        Assert.Equal("dormant-sync", finding.Subject);
        Assert.Contains("in 45 seconds", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void UnusedScopes_ObservationInSeconds_JudgesOnceTheIdentityIsOlder()
    {
        var clock = Clock();
        var options = new FindingsOptions { ScopeObservation = TimeSpan.FromSeconds(30) };
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("legacy-batch", Now.AddSeconds(-20), scopes: ["orders.read", "billing.refund"])],
            Edges = [Edge("legacy-batch", "orders", Now.AddSeconds(-15), "orders.read")],
        };

        Assert.Empty(new UnusedScopesRule().Evaluate(Context(snapshot, clock, options)));
        clock.Advance(TimeSpan.FromSeconds(11));
        var finding = Assert.Single(new UnusedScopesRule().Evaluate(Context(snapshot, clock, options)));
        Assert.Equal("billing.refund", finding.Evidence["unusedScopes"]);
        Assert.Equal("30 seconds", finding.Evidence["observationWindow"]);
    }

    [Fact]
    public void DormantIdentity_DisabledIdentity_IsNotDormant()
    {
        var snapshot = new InventorySnapshot { Identities = [Identity("off", Now.AddDays(-100), status: "disabled")] };

        Assert.Empty(new DormantIdentityRule().Evaluate(Context(snapshot)));
    }

    [Fact]
    public void UnusedScopes_AfterObservationWindow_ListsScopesNeverOnATokenUsed()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orders", Now.AddDays(-10), scopes: ["echo.read", "echo.write", "admin.all"])],
            Edges = [Edge("orders", "echo", Now.AddDays(-9), "echo.read")],
        };

        Assert.Empty(new UnusedScopesRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(5));
        var finding = Assert.Single(new UnusedScopesRule().Evaluate(Context(snapshot, clock)));
        Assert.Equal("admin.all echo.write", finding.Evidence["unusedScopes"]);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
    }

    [Fact]
    public void Ownerless_IdentityWithoutOwner_AndImportedCredentialWithoutOwner()
    {
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orphan", Now, owner: ""), Identity("owned", Now)],
            Credentials = [Credential("x509:AB", Now, clientId: null, source: "x509", owner: null), Credential("x509:CD", Now, clientId: null, source: "x509")],
        };

        var found = new OwnerlessRule().Evaluate(Context(snapshot)).Select(f => f.Subject).Order().ToList();

        Assert.Equal(["orphan", "x509:AB"], found);
    }

    [Fact]
    public void MissingPurposeOrTags_SaysWhichIsMissing()
    {
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("a", Now, purpose: ""), Identity("b", Now, tags: []), Identity("c", Now)],
        };

        var found = new MissingPurposeOrTagsRule().Evaluate(Context(snapshot)).ToDictionary(f => f.Subject, f => f.Evidence["missing"]);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "purpose", ["b"] = "tags" }, found);
    }

    [Fact]
    public void InactiveIdentityCalling_OnlyCallsAfterTheStatusChange()
    {
        var snapshot = new InventorySnapshot
        {
            Identities =
            [
                Identity("still-calls", Now.AddDays(-50), status: "disabled", statusChangedAt: Now.AddDays(-2)),
                Identity("quiet", Now.AddDays(-50), status: "disabled", statusChangedAt: Now.AddDays(-2)),
            ],
            Callers = [Caller("still-calls", Now.AddHours(-1)), Caller("quiet", Now.AddDays(-3))],
        };

        var finding = Assert.Single(new InactiveIdentityCallingRule().Evaluate(Context(snapshot)));

        Assert.Equal("still-calls", finding.Subject);
        Assert.Equal(FindingSeverity.High, finding.Severity);
    }

    [Fact]
    public void UnknownCaller_OneLowFindingPerSource_TheBusiestShown_TheRestFoldedIntoOne()
    {
        var snapshot = new InventorySnapshot
        {
            Callers = [.. Enumerable.Range(1, UnverifiedCallers.Shown + 5)
                .Select(i => Caller($"unverified@203.0.113.{i}", Now, kind: "unverified", calls: i))],
        };

        var found = new UnknownCallerRule().Evaluate(Context(snapshot)).ToList();

        Assert.Equal(UnverifiedCallers.Shown + 1, found.Count);
        Assert.All(found, f => Assert.Equal(FindingSeverity.Low, f.Severity));
        Assert.Contains(found, f => f.Subject == "unverified@203.0.113.25" && f.Title.Contains("203.0.113.25", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Subject == "unverified@203.0.113.5");
        var others = Assert.Single(found, f => f.Subject == UnverifiedCallers.Others);
        Assert.Equal("5", others.Evidence["sources"]);
        Assert.Equal("15", others.Evidence["calls"]);
    }

    [Fact]
    public void NewSourceAddress_And_NewRoute_OnlyWhenTheIdentityHadOthersBefore()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Sources =
            [
                new SourceRecord("orders", "10.0.0.1", Now.AddDays(-20), Now, 100), new SourceRecord("orders", "203.0.113.9", Now.AddHours(-2), Now, 3),
                new SourceRecord("fresh", "10.0.0.7", Now.AddHours(-1), Now, 3),
            ],
            Edges = [Edge("orders", "echo", Now.AddDays(-20)), Edge("orders", "payments", Now.AddHours(-3)), Edge("fresh", "echo", Now.AddHours(-1))],
        };

        Assert.Equal("orders|203.0.113.9", Assert.Single(new NewSourceAddressRule().Evaluate(Context(snapshot, clock))).Subject);
        Assert.Equal("orders|payments|payments", Assert.Single(new NewRouteRule().Evaluate(Context(snapshot, clock))).Subject);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(new NewSourceAddressRule().Evaluate(Context(snapshot, clock)));
        Assert.Empty(new NewRouteRule().Evaluate(Context(snapshot, clock)));
    }

    [Fact]
    public void CallSpike_AgainstOwnBaseline()
    {
        var hour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        var baseline = Enumerable.Range(2, 24 * 7 - 2).Select(h => new HourlyCount("orders", hour.AddHours(-h), 100)).ToList();
        var calm = new InventorySnapshot { Hourly = [.. baseline, new HourlyCount("orders", hour, 150), new HourlyCount("orders", hour.AddHours(-1), 100)] };
        var spiking = new InventorySnapshot { Hourly = [.. baseline, new HourlyCount("orders", hour, 900), new HourlyCount("orders", hour.AddHours(-1), 400)] };
        var small = new InventorySnapshot { Hourly = [new HourlyCount("tiny", hour, 50)] };

        Assert.Empty(new CallSpikeRule().Evaluate(Context(calm)));
        Assert.Equal("1300", Assert.Single(new CallSpikeRule().Evaluate(Context(spiking))).Evidence["recentCalls"]);
        Assert.Empty(new CallSpikeRule().Evaluate(Context(small)));
    }

    /// <summary>Seen: an operator's afternoon on the page and CLI was "196 calls against a baseline of 0".</summary>
    [Fact]
    public void CallSpike_NotForOperators_NorAgainstABaselineStillBeingLearned()
    {
        var hour = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero);
        var snapshot = new InventorySnapshot
        {
            Identities =
            [
                Identity("nhi-admin", Now.AddDays(-30), scopes: [NhiScopes.Admin]), Identity("auditor", Now.AddDays(-30), scopes: [NhiScopes.Read]),
                Identity("fresh-job", Now.AddHours(-3)), Identity("orders", Now.AddDays(-30)),
            ],
            Hourly =
            [
                // Operators with a quiet week behind them, then an afternoon of clicking.
                new HourlyCount("nhi-admin", hour.AddDays(-6), 2), new HourlyCount("nhi-admin", hour, 196),
                new HourlyCount("auditor", hour.AddDays(-6), 2), new HourlyCount("auditor", hour, 500),
                // A workload first seen two hours ago: nothing learned yet.
                new HourlyCount("fresh-job", hour.AddHours(-1), 150), new HourlyCount("fresh-job", hour, 150),
                // A workload first seen a day and a half ago: learned, and spiking.
                new HourlyCount("orders", hour.AddHours(-36), 2), new HourlyCount("orders", hour, 400),
            ],
        };

        var finding = Assert.Single(new CallSpikeRule().Evaluate(Context(snapshot)));
        Assert.Equal("orders", finding.Subject);
        var unlearned = new CallSpikeRule().Evaluate(Context(snapshot, options: new FindingsOptions { SpikeLearningPeriod = TimeSpan.Zero }));
        Assert.Equal(["fresh-job", "orders"], unlearned.Select(detected => detected.Subject).Order(StringComparer.Ordinal));
    }
}
