using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Testing;
using static NhiPlatform.Inventory.IntegrationTests.InventoryEvents;

namespace NhiPlatform.Inventory.IntegrationTests.Findings;

/// <summary>The findings engine on real data with a controlled clock: detection, webhook, acknowledge, resolve, reopen.</summary>
[Collection(ServersCollection.Name)]
public sealed class FindingsTests(LocalServersFixture servers)
{
    [Fact]
    public async Task Evaluate_DetectsNotifiesAndTracksStatus()
    {
        var received = new List<JsonElement>();
        await using var webhook = await StartWebhookAsync(received);
        var clock = new ShiftedTimeProvider();
        await using var host = await InventoryTestHost.StartAsync(servers,
            new Dictionary<string, string?> { ["Nhi:Inventory:Findings:WebhookUrl"] = webhook.Urls.First() + "/hook" },
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var now = DateTimeOffset.UtcNow;
        var redis = host.Redis.GetDatabase();
        await PublishAsync(redis, IdentityChanged("f-dormant", now.AddDays(-60), createdAt: now.AddDays(-60)));
        await PublishAsync(redis, IdentityChanged("f-busy", now.AddDays(-60), createdAt: now.AddDays(-60)));
        await host.PublishAsync(Call("f-dormant", "echo", "echo", now.AddDays(-35)));
        await host.PublishAsync(Call("f-busy", "echo", "echo", now.AddMinutes(-1)));
        // A disabled identity that still calls: the high finding the webhook carries.
        await PublishAsync(redis, IdentityChanged("f-disabled", now.AddHours(-1), status: "disabled", createdAt: now.AddDays(-60)));
        await host.PublishAsync(Call("f-disabled", "echo", "echo", now.AddMinutes(-2)));
        await host.PublishAsync(Call(null, "echo", "echo", now, decision: UsageDecisions.Denied) with
        {
            UnverifiedIssuer = "https://evil.example", UnverifiedSubject = "ghost", Reason = UsageReasons.InvalidToken,
        });
        await InventoryApiClient.EventuallyAsync(() => host.ScalarAsync("SELECT coalesce(sum(calls), 0) FROM inventory.callers"), n => n == 4, "4 calls");
        await InventoryApiClient.EventuallyAsync(
            () => host.ScalarAsync("SELECT count(*) FROM inventory.identities WHERE client_id LIKE 'f-%'"), n => n == 3, "3 identities");
        var admin = await host.GetTokenAsync(InventoryApiClient.AdminScope);

        var (status, result) = await host.SendAsync(HttpMethod.Post, "/api/inventory/findings/evaluate", admin);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(result.GetProperty("detected").GetInt32() >= 2);
        var read = await host.GetTokenAsync(InventoryApiClient.ReadScope);
        var dormant = Assert.Single((await host.GetOkAsync("/api/inventory/findings?rule=dormant_identity&client_id=f-dormant", read)).EnumerateArray());
        Assert.Equal("open", dormant.GetProperty("status").GetString());
        // Open only: the scheduled evaluation may have run between the catalogue and the calls arriving, and then
        // resolved its own finding once f-busy's call was in.
        Assert.Empty((await host.GetOkAsync("/api/inventory/findings?rule=dormant_identity&client_id=f-busy&status=open", read)).EnumerateArray());
        var unknown = Assert.Single((await host.GetOkAsync("/api/inventory/findings?rule=unknown_caller", read)).EnumerateArray());
        // Nothing about an unverified caller was verified: low, named by its source, never by what its token claimed.
        Assert.Equal("low", unknown.GetProperty("severity").GetString());
        Assert.DoesNotContain("ghost", unknown.GetProperty("title").GetString(), StringComparison.Ordinal);
        // The webhook carries new high findings, sent before the evaluation answers: an anonymous caller never pages anyone.
        var notified = received.SelectMany(r => r.GetProperty("findings").EnumerateArray()).Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.Contains("inactive_identity_calling", notified);
        Assert.DoesNotContain(received.SelectMany(r => r.GetProperty("findings").EnumerateArray()), f => f.GetProperty("rule").GetString() == "unknown_caller");

        var id = dormant.GetProperty("id").GetInt64();
        var (ackStatus, acked) = await host.SendAsync(HttpMethod.Post, $"/api/inventory/findings/{id}/acknowledge", admin,
            InventoryApiClient.Json(new { reason = "batch job, runs quarterly" }));
        Assert.Equal(HttpStatusCode.OK, ackStatus);
        Assert.Equal("acknowledged", acked.GetProperty("status").GetString());
        Assert.Equal("batch job, runs quarterly", acked.GetProperty("statusReason").GetString());
        Assert.False(string.IsNullOrEmpty(acked.GetProperty("statusBy").GetString()));
        var (noReason, _) = await host.SendAsync(HttpMethod.Post, $"/api/inventory/findings/{id}/resolve", admin, InventoryApiClient.Json(new { reason = "" }));
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        var (resolveStatus, resolved) = await host.SendAsync(HttpMethod.Post, $"/api/inventory/findings/{id}/resolve", admin,
            InventoryApiClient.Json(new { reason = "owner confirmed" }));
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, resolveStatus);

        // Still dormant at the next evaluation: the finding reopens. Once it calls again, the system resolves it.
        var engine = host.GetService<FindingEngine>();
        await engine.EvaluateAsync(CancellationToken.None);
        Assert.Equal("open", (await FindAsync(host, "f-dormant")).Status);
        await host.PublishAsync(Call("f-dormant", "echo", "echo", DateTimeOffset.UtcNow));
        await InventoryApiClient.EventuallyAsync(
            () => host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'f-dormant'"), n => n == 2, "the new call");
        await engine.EvaluateAsync(CancellationToken.None);
        var cleared = await FindAsync(host, "f-dormant");
        Assert.Equal(("resolved", "system"), (cleared.Status, cleared.StatusBy));

        // The controlled clock: 40 days on, f-busy is dormant too.
        clock.Offset = TimeSpan.FromDays(40);
        await engine.EvaluateAsync(CancellationToken.None);
        Assert.Equal("open", (await FindAsync(host, "f-busy")).Status);
    }

    private static async Task<Finding> FindAsync(InventoryTestHost host, string clientId) =>
        (await host.GetService<IFindingStore>().ListAsync(new FindingFilter(Rule: "dormant_identity", ClientId: clientId), CancellationToken.None)).Single();

    private static async Task<WebApplication> StartWebhookAsync(List<JsonElement> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            lock (received)
            {
                received.Add(body);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
