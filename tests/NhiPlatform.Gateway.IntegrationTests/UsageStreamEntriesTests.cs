using System.Text.Json;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Infrastructure.Redis;
using NhiPlatform.Testing;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.IntegrationTests;

/// <summary>The shape of what the gateway writes to <c>nhi:usage</c> (Contracts/Events/README.md), on a real Redis.</summary>
[Collection(ServersCollection.Name)]
public sealed class UsageStreamEntriesTests(LocalServersFixture servers) : IAsyncLifetime
{
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        var environment = await servers.CreateEnvironmentAsync(CancellationToken.None);
        _redis = await ConnectionMultiplexer.ConnectAsync(environment.RedisConnectionString);
    }

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private static UsageRecordedEvent[] Events(int count) => [.. Enumerable.Range(0, count).Select(i => new UsageRecordedEvent
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UtcNow,
        ClientId = $"client-{i}",
        Method = "GET",
        Path = $"/svc/echo/{i}",
        Status = 200,
        LatencyMs = i,
        Decision = UsageDecisions.Allowed,
        UserAgent = "ünïcode/1.0",
    })];

    [Fact]
    public async Task AddAsync_BatchEntries_CarryEveryEventOnceInOrder_WithTheirCount()
    {
        var events = Events(250);

        await RedisUsageStream.AddAsync(_redis.GetDatabase(), events, eventsPerEntry: 100);

        var entries = await _redis.GetDatabase().StreamRangeAsync(NhiStreams.Usage);
        Assert.Equal([100, 100, 50], entries.Select(e => (int)e[NhiStreams.CountField]));
        Assert.All(entries, e =>
        {
            Assert.Equal(UsageBatch.TypeName, (string?)e[NhiStreams.TypeField]);
            Assert.Equal(UsageBatch.CurrentSchemaVersion, (int)e[NhiStreams.VersionField]);
            Assert.Equal((int)e[NhiStreams.CountField], UsageStream.Events(e).Length);
        });
        var read = entries.SelectMany(UsageStream.Events).ToArray();
        Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal(events, read);
    }

    [Fact]
    public async Task AddAsync_OneEventPerEntry_WritesUsageRecordedEntries()
    {
        var events = Events(3);

        await RedisUsageStream.AddAsync(_redis.GetDatabase(), events, eventsPerEntry: 1);

        var entries = await _redis.GetDatabase().StreamRangeAsync(NhiStreams.Usage);
        Assert.Equal(3, entries.Length);
        Assert.All(entries, e =>
        {
            Assert.Equal(UsageRecordedEvent.TypeName, (string?)e[NhiStreams.TypeField]);
            Assert.True(e[NhiStreams.CountField].IsNull);
        });
        Assert.Equal(events, entries.Select(e => JsonSerializer.Deserialize((string)e[NhiStreams.DataField]!, NhiEventsJsonContext.Default.UsageRecordedEvent)));
    }
}
