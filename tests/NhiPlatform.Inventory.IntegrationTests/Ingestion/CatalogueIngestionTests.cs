using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Testing;
using static NhiPlatform.Inventory.IntegrationTests.InventoryEvents;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>nhi:identities builds the catalogue; nhi:usage builds edges, callers and last use; replays change nothing.</summary>
[Collection(ServersCollection.Name)]
public sealed class CatalogueIngestionTests(LocalServersFixture servers) : IAsyncLifetime
{
    private InventoryTestHost _host = null!;

    public async Task InitializeAsync() => _host = await InventoryTestHost.StartAsync(servers);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task IdentityChanges_LatestStateWins_ReplaysAndOlderEventsDoNotRollBack()
    {
        var redis = _host.Redis.GetDatabase();
        var t0 = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds());
        var created = IdentityChanged("cat-orders", t0);
        var transferred = IdentityChanged("cat-orders", t0.AddHours(1), IdentityChangeKinds.OwnerTransferred, owner: "team-payments", createdAt: t0);
        var disabled = IdentityChanged("cat-orders", t0.AddHours(2), IdentityChangeKinds.Disabled, owner: "team-payments", status: "disabled", createdAt: t0);

        await PublishAsync(redis, created);
        await PublishAsync(redis, disabled);
        await PublishAsync(redis, transferred);   // older than 'disabled': recorded, but the state stays disabled
        await PublishAsync(redis, created);       // a replay

        await InventoryApiClient.EventuallyAsync(
            () => _host.ScalarAsync("SELECT count(*) FROM inventory.identity_events WHERE client_id = 'cat-orders'"), n => n == 3, "3 identity events");
        Assert.Equal(1, await _host.ScalarAsync(
            "SELECT count(*) FROM inventory.identities WHERE client_id = 'cat-orders' AND status = 'disabled' AND owner = 'team-payments' AND status_changed_at = $1",
            disabled.OccurredAt));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM inventory.credentials WHERE client_id = 'cat-orders' AND source = 'tokens'"));
    }

    [Fact]
    public async Task UsageEvents_MaintainEdgesCallersSourcesAndRollups_Incrementally()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());   // PostgreSQL keeps microseconds
        var calls = new[]
        {
            Call("edge-orders", "echo", "echo", now.AddMinutes(-5), scopes: "echo.read"),
            Call("edge-orders", "echo", "echo", now.AddMinutes(-4), scopes: "echo.read echo.write"),
            Call("edge-orders", "echo", "echo", now.AddMinutes(-3), decision: UsageDecisions.Denied, scopes: "other.scope"),
            Call("edge-orders", "billing", "billing", now.AddMinutes(-2), source: "10.0.0.2"),
        };
        foreach (var call in calls.Concat(calls))
        {
            await _host.PublishAsync(call);
        }

        await InventoryApiClient.EventuallyAsync(
            () => _host.ScalarAsync("SELECT coalesce(sum(calls), 0) FROM inventory.edges WHERE caller = 'edge-orders'"), n => n == 4, "4 calls on edges");
        await Task.Delay(300);

        Assert.Equal(3, await _host.ScalarAsync("SELECT calls FROM inventory.edges WHERE caller = 'edge-orders' AND route_id = 'echo' AND service = 'echo'"));
        Assert.Equal(1, await _host.ScalarAsync("SELECT denials FROM inventory.edges WHERE caller = 'edge-orders' AND route_id = 'echo'"));
        // Scopes used are those of allowed calls only.
        Assert.Equal(1, await _host.ScalarAsync(
            "SELECT count(*) FROM inventory.edges WHERE caller = 'edge-orders' AND route_id = 'echo' AND scopes = ARRAY['echo.read', 'echo.write']"));
        Assert.Equal(4, await _host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'edge-orders'"));
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM inventory.callers WHERE caller = 'edge-orders' AND last_seen = $1", calls[3].OccurredAt));
        Assert.Equal(2, await _host.ScalarAsync("SELECT count(*) FROM inventory.caller_sources WHERE caller = 'edge-orders'"));
        Assert.Equal(4, await _host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_daily WHERE caller = 'edge-orders'"));
        Assert.Equal(4, await _host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_hourly WHERE caller = 'edge-orders'"));
    }

    [Fact]
    public async Task UnverifiedAndAnonymousCallers_GetTheirOwnCallerKeys()
    {
        var now = DateTimeOffset.UtcNow;
        await _host.PublishAsync(Call(null, "echo", "echo", now, decision: UsageDecisions.Denied) with
        {
            UnverifiedIssuer = "https://evil.example", UnverifiedSubject = "ghost", Reason = UsageReasons.InvalidToken,
        });
        await _host.PublishAsync(Call(null, "echo", "echo", now, decision: UsageDecisions.Denied) with { Reason = UsageReasons.MissingToken });

        await InventoryApiClient.EventuallyAsync(
            () => _host.ScalarAsync("SELECT count(*) FROM inventory.callers WHERE caller IN ('unverified@10.0.0.1', 'anonymous')"),
            n => n == 2, "unverified and anonymous callers");
        Assert.Equal(1, await _host.ScalarAsync("SELECT count(*) FROM inventory.edges WHERE caller_kind = 'unverified' AND denials = 1"));
    }

    [Fact]
    public async Task UnreadableIdentityEntry_IsDeadLettered()
    {
        var id = await _host.Redis.GetDatabase().StreamAddAsync(NhiStreams.Identities,
            [new("type", IdentityChangedEvent.TypeName), new("v", 2), new("data", "{}")]);

        await InventoryApiClient.EventuallyAsync(
            () => _host.ScalarAsync("SELECT count(*) FROM inventory.dead_letters WHERE stream = 'nhi:identities' AND entry_id = $1", id.ToString()),
            n => n == 1, "a dead letter");
    }
}
