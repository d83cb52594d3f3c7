using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings.Rules;
using static NhiPlatform.Inventory.Tests.Findings.Rules.RuleFixture;

namespace NhiPlatform.Inventory.Tests.Findings.Rules;

/// <summary>The credential rules, each with a controlled clock.</summary>
public sealed class CredentialRulesTests
{
    [Fact]
    public void Expiring_Within14Days_ThenExpired()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Credentials = [Credential("cert", Now.AddDays(-300), source: "x509", expiresAt: Now.AddDays(10)), Credential("later", Now, expiresAt: Now.AddDays(60))],
        };

        Assert.Equal("cert", Assert.Single(new CredentialExpiringRule().Evaluate(Context(snapshot, clock))).Subject);
        Assert.Empty(new CredentialExpiredRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(11));
        Assert.Empty(new CredentialExpiringRule().Evaluate(Context(snapshot, clock)));
        var expired = Assert.Single(new CredentialExpiredRule().Evaluate(Context(snapshot, clock)));
        Assert.Equal(FindingSeverity.High, expired.Severity);
        Assert.StartsWith("Certificate", expired.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_RevokedCredential_IsNotReported()
    {
        var snapshot = new InventorySnapshot { Credentials = [Credential("gone", Now.AddDays(-30), expiresAt: Now.AddDays(-1), revokedAt: Now.AddDays(-2))] };

        Assert.Empty(new CredentialExpiredRule().Evaluate(Context(snapshot)));
    }

    [Fact]
    public void RotationOverdue_PastIdentityMaxAge_OrDefaultForImports()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orders", Now.AddDays(-200))],
            Credentials = [Credential("secret", Now.AddDays(-85)), Credential("api_key:crm/k", Now.AddDays(-80), clientId: null, source: "api_key")],
        };

        Assert.Empty(new RotationOverdueRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal("secret", Assert.Single(new RotationOverdueRule().Evaluate(Context(snapshot, clock))).Subject);
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(2, new RotationOverdueRule().Evaluate(Context(snapshot, clock)).Count());
    }

    [Fact]
    public void UnusedCredential_NotUsedIn30Days()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Credentials = [Credential("idle", Now.AddDays(-60), lastUsedAt: Now.AddDays(-20)), Credential("new", Now.AddDays(-5)), Credential("used", Now.AddDays(-60), lastUsedAt: Now)],
        };

        Assert.Empty(new UnusedCredentialRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal("idle", Assert.Single(new UnusedCredentialRule().Evaluate(Context(snapshot, clock))).Subject);
    }
}
