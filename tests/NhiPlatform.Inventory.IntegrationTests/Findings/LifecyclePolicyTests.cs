using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Inventory.Findings.Lifecycle;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Findings;

/// <summary>
/// The lifecycle policy against the real token service: an identity created through its admin API reaches the
/// catalogue through nhi:identities; 31 days later (controlled clock) a dry run lists it, then the policy disables it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class LifecyclePolicyTests(LocalServersFixture servers)
{
    [Fact]
    public async Task DormantIdentity_DryRunListsIt_ThenPolicyDisablesItThroughTheAdminApi()
    {
        var clock = new ShiftedTimeProvider();
        await using var host = await InventoryTestHost.StartAsync(servers,
            new Dictionary<string, string?> { ["Nhi:Inventory:Lifecycle:DisableDormant"] = "true" },
            configureServices: services => services.AddSingleton<TimeProvider>(clock), adminClientFromBootstrap: true);
        var admin = await host.GetTokenAsync(NhiScopes.Admin);
        using var tokens = host.Tokens.CreateLoopbackClient();
        tokens.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using (var created = await tokens.PostAsJsonAsync("/api/admin/identities", new
        {
            clientId = "sleepy-batch", displayName = "Sleepy batch", owner = "team-batch", purpose = "Nightly export", allowedScopes = new[] { "echo.read" },
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await InventoryApiClient.EventuallyAsync(
            () => host.ScalarAsync("SELECT count(*) FROM inventory.identities WHERE client_id = 'sleepy-batch' AND owner = 'team-batch'"), n => n == 1,
            "the token service's identity.changed event in the catalogue");
        clock.Offset = TimeSpan.FromDays(31);
        await host.GetService<FindingEngine>().EvaluateAsync(CancellationToken.None);
        // Every other dormant identity (the bootstrap admin among them) is acknowledged by an operator: left alone.
        var store = host.GetService<IFindingStore>();
        foreach (var other in (await store.ListAsync(new FindingFilter(Rule: "dormant_identity"), CancellationToken.None)).Where(f => f.ClientId != "sleepy-batch"))
        {
            await store.SetStatusAsync(other.Id, FindingStatus.Acknowledged, "operator", "needed", clock.GetUtcNow(), CancellationToken.None);
        }

        var policy = host.GetService<DormantIdentityPolicy>();
        var plan = await policy.ApplyAsync(dryRun: true, CancellationToken.None);
        var planned = Assert.Single(plan);
        Assert.Equal(("sleepy-batch", "disable", false), (planned.ClientId, planned.Action, planned.Applied));
        Assert.Equal("active", await StatusAsync(tokens, "sleepy-batch"));

        var applied = Assert.Single(await policy.ApplyAsync(dryRun: false, CancellationToken.None));

        Assert.True(applied.Applied, $"status {applied.Status}");
        Assert.Equal("disabled", await StatusAsync(tokens, "sleepy-batch"));
        Assert.NotEqual("disabled", await StatusAsync(tokens, (await host.GetService<IInventoryReader>().ListIdentitiesAsync(CancellationToken.None))
            .First(i => i.ClientId != "sleepy-batch").ClientId));
    }

    private static async Task<string?> StatusAsync(HttpClient tokens, string clientId) =>
        (await tokens.GetFromJsonAsync<JsonElement>($"/api/admin/identities/{clientId}")).GetProperty("status").GetString();
}
