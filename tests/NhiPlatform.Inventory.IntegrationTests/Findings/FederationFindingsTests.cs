using System.Net;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using static NhiPlatform.Inventory.IntegrationTests.InventoryEvents;

namespace NhiPlatform.Inventory.IntegrationTests.Findings;

/// <summary>
/// Federation facts through the real streams: a usage event names the federated credential it authenticated with, the
/// inventory records its use and the caller's method (the identity card shows both), and the three findings follow.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FederationFindingsTests(LocalServersFixture servers)
{
    private static CredentialSnapshot Federated(string id, DateTimeOffset createdAt, string subject, string issuer = "https://kubernetes.default.svc") => new()
    {
        CredentialId = id, Kind = "federated", Hint = id, CreatedAt = createdAt, Issuer = issuer, Subject = subject, ClaimNames = [],
    };

    [Fact]
    public async Task Evaluate_FederatedUsage_RecordsMethodAndRaisesTheThreeFindings()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var now = DateTimeOffset.UtcNow;
        var redis = host.Redis.GetDatabase();
        await PublishAsync(redis, IdentityChanged("fed-orders", now.AddDays(-30), createdAt: now.AddDays(-30), credentials:
        [
            Secret("fed-orders-secret", now.AddDays(-30), expiresAt: now.AddDays(60), lastUsedAt: now.AddDays(-20)),
            Federated("fed-orders-pod", now.AddDays(-10), "system:serviceaccount:shop:orders"),
        ]));
        await PublishAsync(redis, IdentityChanged("fed-batch", now.AddDays(-30), createdAt: now.AddDays(-30), credentials:
        [
            Secret("fed-batch-secret", now.AddDays(-30), expiresAt: now.AddDays(60), lastUsedAt: now.AddHours(-1)),
            Federated("fed-batch-default", now.AddDays(-10), "system:serviceaccount:batch:default"),
        ]));
        await InventoryApiClient.EventuallyAsync(
            () => host.ScalarAsync("SELECT count(*) FROM inventory.credentials WHERE kind = 'federated'"), n => n == 2, "2 federated credentials");
        await host.PublishAsync(Call("fed-orders", "echo", "echo", now.AddMinutes(-1)) with
        {
            AuthenticationMethod = NhiAuthenticationMethods.Federated, CredentialId = "fed-orders-pod",
        });
        await InventoryApiClient.EventuallyAsync(
            () => host.ScalarAsync("SELECT count(*) FROM inventory.credentials WHERE credential_id = 'fed-orders-pod' AND last_used_at IS NOT NULL"),
            n => n == 1, "the federated credential's use");
        var admin = await host.GetTokenAsync(InventoryApiClient.AdminScope);

        var (status, _) = await host.SendAsync(HttpMethod.Post, "/api/inventory/findings/evaluate", admin);

        Assert.Equal(HttpStatusCode.OK, status);
        var read = await host.GetTokenAsync(InventoryApiClient.ReadScope);
        var secret = Assert.Single((await host.GetOkAsync("/api/inventory/findings?rule=federated_secret_unneeded", read)).EnumerateArray());
        Assert.Equal("fed-orders-secret", secret.GetProperty("subject").GetString());
        var unused = Assert.Single((await host.GetOkAsync("/api/inventory/findings?rule=federated_credential_unused", read)).EnumerateArray());
        Assert.Equal("fed-batch-default", unused.GetProperty("subject").GetString());
        var broad = Assert.Single((await host.GetOkAsync("/api/inventory/findings?rule=federated_subject_too_broad", read)).EnumerateArray());
        Assert.Equal("fed-batch-default", broad.GetProperty("subject").GetString());

        var card = await host.GetOkAsync("/api/inventory/identities/fed-orders", read);
        Assert.Equal("federated", Assert.Single(card.GetProperty("usage").GetProperty("authenticationMethods").EnumerateArray()).GetString());
    }
}
