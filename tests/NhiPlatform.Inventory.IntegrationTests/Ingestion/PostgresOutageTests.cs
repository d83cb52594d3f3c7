using Npgsql;
using NhiPlatform.Contracts;
using NhiPlatform.Testing;

namespace NhiPlatform.Inventory.IntegrationTests.Ingestion;

/// <summary>PostgreSQL stopped for 10 s while events keep arriving: ingestion resumes by itself and nothing is lost.</summary>
[Collection(PostgresOutageCollection.Name)]
public sealed class PostgresOutageTests(LocalServersFixture servers)
{
    [Fact]
    public async Task PostgresDownFor10Seconds_UnderTraffic_IngestionResumes_NothingLost()
    {
        await using var host = await InventoryTestHost.StartAsync(servers);
        var database = host.Redis.GetDatabase();
        var published = 0;
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            // About 500 events/s (with a replay now and then) until told to stop.
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(0, 50).Select(_ => InventoryTestHost.NewEvent("/svc/echo/outage", "outage-client")).ToList();
                await BulkIngestionTests.PublishAllAsync(database, batch.Concat(batch.Take(5)));
                Interlocked.Add(ref published, batch.Count);
                await Task.Delay(100);
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        var storedBefore = await host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'outage-client'");
        await servers.StopPostgresAsync();
        Assert.False(servers.IsPostgresRunning);
        await Task.Delay(TimeSpan.FromSeconds(10));
        await servers.StartPostgresAsync(CancellationToken.None);
        NpgsqlConnection.ClearAllPools();   // the test's own pooled connections died with the server
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await traffic;

        Assert.True(storedBefore > 0, "ingestion ran before the outage");
        await InventoryApiClient.EventuallyAsync(() => host.ScalarAsync("SELECT count(*) FROM inventory.usage_events WHERE client_id = 'outage-client'"),
            n => n == published, $"all {published} events", timeoutSeconds: 60);
        await InventoryApiClient.EventuallyAsync(
            async () => (await database.StreamPendingAsync(NhiStreams.Usage, NhiStreams.InventoryGroup)).PendingMessageCount, n => n == 0, "nothing pending");
        Assert.Equal(published, await host.ScalarAsync("SELECT calls FROM inventory.callers WHERE caller = 'outage-client'"));
    }
}
