using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Gateway.Infrastructure.Redis;
using NhiPlatform.Gateway.Tests.TestSupport;
using NhiPlatform.Gateway.Usage;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Tests.Usage;

/// <summary>
/// The writer's last flush at shutdown when the Redis connection is being disposed under it (seen in CI for the other
/// services' subscriptions: the connection object reports connected, then throws ObjectDisposedException): the batch
/// spills to the file like any batch Redis cannot take, and nothing is lost.
/// </summary>
public sealed class UsageStreamWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nhi-writer-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ConnectionDisposedUnderAWrite_TheBatchSpills_NothingIsLost()
    {
        var metrics = TestServices.Metrics();
        using var spill = TestServices.Spill(_directory, metrics);
        var options = TestServices.UsageOptions(_directory);
        var channel = new UsageEventChannel(options, spill, metrics, NullLogger<UsageEventChannel>.Instance);
        for (var i = 0; i < 25; i++)
        {
            Assert.True(channel.TryWrite(UsageSpillFileTests.Event(i)));
        }

        var writer = new RedisUsageStreamWriter(channel, spill, DisposedConnection.Create(), metrics, options,
            NullLogger<RedisUsageStreamWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        // The loop runs on the thread pool: stopped at once, it might never start. Wait for it to take the queue.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (metrics.SpilledTotal + metrics.EmittedTotal < 25 && writer.ExecuteTask?.IsCompleted == false && !timeout.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(25, metrics.SpilledTotal);
        Assert.Equal(0, metrics.EmittedTotal);
        Assert.Equal(0, metrics.DroppedTotal);
    }

    /// <summary>A connection that says it is connected and whose every database call throws as a disposed one does.</summary>
    public class DisposedConnection : DispatchProxy
    {
        public static IConnectionMultiplexer Create() => Create<IConnectionMultiplexer, DisposedConnection>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_IsConnected" => true,
            nameof(IConnectionMultiplexer.GetDatabase) => Create<IDatabase, DisposedDatabase>(),
            _ => throw new ObjectDisposedException("Connection is being disposed"),
        };
    }

    public class DisposedDatabase : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new ObjectDisposedException("Connection is being disposed");
    }
}
