using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>Two inventory replicas share the consumer group: the work is split, each event stored once.</summary>
[Collection(ServersCollection.Name)]
public sealed class ReplicaIngestionTests(LocalServersFixture servers)
{
    [Fact]
    public async Task TwoReplicas_ShareTheGroup_EachEventStoredOnce()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        await using var first = await InventoryTestHost.StartAsync(servers,
            new Dictionary<string, string?> { ["Nhi:Inventory:Ingestion:ConsumerName"] = "replica-a", ["Nhi:Inventory:Ingestion:BatchSize"] = "20" }, environment);
        await using var second = await InventoryTestHost.StartAsync(servers,
            new Dictionary<string, string?> { ["Nhi:Inventory:Ingestion:ConsumerName"] = "replica-b", ["Nhi:Inventory:Ingestion:BatchSize"] = "20" }, environment);
        var events = Enumerable.Range(0, 3_000).Select(i => InventoryTestHost.NewEvent($"/svc/echo/replica/{i % 10}", "replica-client")).ToList();

        await BulkIngestionTests.PublishAllAsync(first.Redis.GetDatabase(), events.Concat(events.Take(300)));

        await InventoryApiClient.EventuallyAsync(() => first.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'replica-client'"),
            n => n >= 3_000, "3,000 events", timeoutSeconds: 60);
        await Task.Delay(500);
        Assert.Equal(3_000, await first.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'replica-client'"));
        Assert.Equal(3_000, await first.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'replica-client'"));
        var consumers = await first.Redis.GetDatabase().StreamConsumerInfoAsync(NhiStreams.Usage, NhiStreams.InventoryGroup);
        Assert.Contains(consumers, c => c.Name == "replica-a");
        Assert.Contains(consumers, c => c.Name == "replica-b");
        Assert.All(consumers.Where(c => c.Name.StartsWith("replica-", StringComparison.Ordinal)), c => Assert.Equal(0, c.PendingMessageCount));
    }
}
