using NhiPlatform.Inventory.Domain;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>
/// Batches that overlap (a replay taken over by another consumer while the first still works on it) are stored at
/// the same time: each event lands once and the read models count it once, whichever batch wins.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ConcurrentLedgerAppendTests(LocalServersFixture servers)
{
    [Fact]
    public async Task AppendAsync_OverlappingBatchesAtOnce_EachEventStoredAndCountedOnce()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var ledger = host.GetService<IUsageLedger>();
        var events = Enumerable.Range(0, 3_000).Select(i => InventoryTestHost.NewEvent($"/svc/echo/overlap/{i % 30}", "overlap-client")).ToList();
        var batches = Enumerable.Range(0, 6).Select(i => events.Skip(i * 400).Take(1_000).ToList()).ToList();

        var inserted = await Task.WhenAll(batches.Select(batch => Task.Run(() => ledger.AppendAsync(batch, [], CancellationToken.None))));

        Assert.Equal(3_000, inserted.Sum());
        Assert.Equal(3_000, await host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'overlap-client'"));
        Assert.Equal(3_000, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'overlap-client'"));
        Assert.Equal(3_000, await host.ScalarAsync("SELECT sum(calls) FROM inventory.edges WHERE caller = 'overlap-client'"));
        Assert.Equal(3_000, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_hourly WHERE caller = 'overlap-client'"));
    }

    [Fact]
    public async Task AppendAsync_SameEventTwiceInOneBatchAndAgainLater_StoredOnce()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var ledger = host.GetService<IUsageLedger>();
        var usage = InventoryTestHost.NewEvent("/svc/echo/twice", "twice-client");

        Assert.Equal(1, await ledger.AppendAsync([usage, usage], [], CancellationToken.None));
        Assert.Equal(0, await ledger.AppendAsync([usage], [], CancellationToken.None));
        Assert.Equal(1, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'twice-client'"));
    }

    [Fact]
    public async Task AppendAsync_BatchMixingStoredAndNewEvents_StoresOnlyTheNewAndCountsReadModelsOnce()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var ledger = host.GetService<IUsageLedger>();
        var stored = Enumerable.Range(0, 200).Select(i => InventoryTestHost.NewEvent($"/svc/echo/mixed/{i % 5}", "mixed-batch", status: i % 4 == 0 ? 403 : 200)).ToList();
        var fresh = Enumerable.Range(0, 300).Select(i => InventoryTestHost.NewEvent($"/svc/echo/mixed/{i % 5}", "mixed-batch", status: i % 4 == 0 ? 403 : 200)).ToList();
        Assert.Equal(200, await ledger.AppendAsync(stored, [], CancellationToken.None));

        // New events before and after the stored ones, so the COPY fails part-way and the batch is redone with the lookup.
        var mixed = fresh[..150].Concat(stored[50..]).Concat(fresh[150..]).Concat(stored[..50]).ToList();

        Assert.Equal(300, await ledger.AppendAsync(mixed, [], CancellationToken.None));
        Assert.Equal(500, await host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'mixed-batch'"));
        Assert.Equal(500, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'mixed-batch'"));
        Assert.Equal(125, await host.ScalarAsync("SELECT denials FROM inventory.callers WHERE caller = 'mixed-batch'"));
        Assert.Equal(500, await host.ScalarAsync("SELECT sum(calls) FROM inventory.edges WHERE caller = 'mixed-batch'"));
        Assert.Equal(500, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_daily WHERE caller = 'mixed-batch'"));
        Assert.Equal(500, await host.ScalarAsync("SELECT sum(calls) FROM inventory.usage_hourly WHERE caller = 'mixed-batch'"));
        Assert.Equal(0, await ledger.AppendAsync(mixed, [], CancellationToken.None));
        Assert.Equal(500, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'mixed-batch'"));
    }
}
