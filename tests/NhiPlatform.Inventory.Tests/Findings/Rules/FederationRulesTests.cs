using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings.Rules;
using static NhiPlatform.Inventory.Tests.Findings.Rules.RuleFixture;

namespace NhiPlatform.Inventory.Tests.Findings.Rules;

/// <summary>The three federation findings: a secret that can go, a federated credential never used, a subject too broad.</summary>
public sealed class FederationRulesTests
{
    private static CredentialRecord Federated(string id, DateTimeOffset createdAt, string subject, DateTimeOffset? lastUsedAt = null,
        string issuer = "https://kubernetes.default.svc", DateTimeOffset? revokedAt = null) =>
        Credential(id, createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt) with
        {
            Kind = FederatedCredentials.FederatedKind, Hint = id, Issuer = issuer, Subject = subject, ExpiresAt = null,
        };

    [Fact]
    public void SecretUnneeded_FederationInUseAndSecretIdleSinceIt_IsReported()
    {
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orders", Now.AddDays(-60)), Identity("billing", Now.AddDays(-60))],
            Credentials =
            [
                Credential("orders-secret", Now.AddDays(-60), clientId: "orders", lastUsedAt: Now.AddDays(-20), expiresAt: Now.AddDays(30)),
                Federated("orders-pod", Now.AddDays(-10), "system:serviceaccount:shop:orders", lastUsedAt: Now.AddMinutes(-5)) with { ClientId = "orders" },
                // billing still uses its secret after federating: not (yet) a finding.
                Credential("billing-secret", Now.AddDays(-60), clientId: "billing", lastUsedAt: Now.AddHours(-1), expiresAt: Now.AddDays(30)),
                Federated("billing-pod", Now.AddDays(-10), "system:serviceaccount:shop:billing", lastUsedAt: Now.AddMinutes(-5)) with { ClientId = "billing" },
            ],
            Callers = [Caller("orders", Now.AddMinutes(-5)) with { AuthenticationMethods = ["federated"] }],
        };

        var finding = Assert.Single(new FederatedSecretUnneededRule().Evaluate(Context(snapshot)));

        Assert.Equal("orders-secret", finding.Subject);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.Equal("federated", finding.Evidence["authenticationMethods"]);
    }

    [Fact]
    public void SecretUnneeded_FederatedCredentialNeverUsedOrSecretRevoked_IsNotReported()
    {
        var snapshot = new InventorySnapshot
        {
            Identities = [Identity("orders", Now.AddDays(-60)), Identity("jobs", Now.AddDays(-60))],
            Credentials =
            [
                Credential("orders-secret", Now.AddDays(-60), clientId: "orders", expiresAt: Now.AddDays(30)),
                Federated("orders-pod", Now.AddDays(-10), "system:serviceaccount:shop:orders") with { ClientId = "orders" },
                Credential("jobs-secret", Now.AddDays(-60), clientId: "jobs", expiresAt: Now.AddDays(30), revokedAt: Now.AddDays(-9)),
                Federated("jobs-pod", Now.AddDays(-10), "system:serviceaccount:batch:jobs", lastUsedAt: Now) with { ClientId = "jobs" },
            ],
        };

        Assert.Empty(new FederatedSecretUnneededRule().Evaluate(Context(snapshot)));
    }

    [Fact]
    public void Unused_NeverUsedPastTheWindow_IsReportedOnce()
    {
        var clock = Clock();
        var snapshot = new InventorySnapshot
        {
            Credentials =
            [
                Federated("typo", Now.AddDays(-3), "system:serviceaccount:shop:ordres"),
                Federated("used", Now.AddDays(-30), "system:serviceaccount:shop:orders", lastUsedAt: Now.AddDays(-1)),
                Federated("deleted", Now.AddDays(-30), "system:serviceaccount:shop:gone", revokedAt: Now.AddDays(-1)),
            ],
        };

        Assert.Empty(new FederatedCredentialUnusedRule().Evaluate(Context(snapshot, clock)));
        clock.Advance(TimeSpan.FromDays(5));
        var finding = Assert.Single(new FederatedCredentialUnusedRule().Evaluate(Context(snapshot, clock)));
        Assert.Equal("typo", finding.Subject);
        // The generic unused-credential rule leaves federated credentials to this one.
        Assert.Empty(new UnusedCredentialRule().Evaluate(Context(snapshot, clock)));
    }

    [Theory]
    [InlineData("https://kubernetes.default.svc", "system:serviceaccount:shop:default", true)]
    [InlineData("https://kubernetes.default.svc", "system:serviceaccount:shop:orders", false)]
    [InlineData("https://token.actions.githubusercontent.com", "repository_owner:contoso", true)]
    [InlineData("https://token.actions.githubusercontent.com", "environment:prod", true)]
    [InlineData("https://token.actions.githubusercontent.com", "repo:contoso/billing:environment:prod", false)]
    [InlineData("https://spire.example.org", "spiffe://example.org/ns/prod/sa/default", false)]
    public void TooBroad_DefaultServiceAccountOrRepositorylessGitHubSubject(string issuer, string subject, bool reported)
    {
        var snapshot = new InventorySnapshot { Credentials = [Federated("cred", Now.AddDays(-1), subject, issuer: issuer)] };

        var findings = new FederatedSubjectTooBroadRule().Evaluate(Context(snapshot)).ToList();

        Assert.Equal(reported, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Medium, f.Severity));
    }
}
