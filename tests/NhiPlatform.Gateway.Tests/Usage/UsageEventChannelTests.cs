using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Gateway.Tests.TestSupport;
using NhiPlatform.Gateway.Usage;

namespace NhiPlatform.Gateway.Tests.Usage;

public sealed class UsageEventChannelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nhi-channel-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TryWrite_QueueFull_SpillsInsteadOfDropping()
    {
        var metrics = TestServices.Metrics();
        using var spill = TestServices.Spill(_directory, metrics);
        var channel = new UsageEventChannel(TestServices.UsageOptions(_directory, capacity: 1_000), spill, metrics,
            NullLogger<UsageEventChannel>.Instance);

        for (var i = 0; i < 1_200; i++)
        {
            Assert.True(channel.TryWrite(UsageSpillFileTests.Event(i)));
        }

        Assert.Equal(200, metrics.SpilledTotal);
        Assert.Equal(0, metrics.DroppedTotal);
        spill.CloseActive();
        using var segment = spill.TryClaim(Assert.Single(spill.ListSegments()))!;
        Assert.Equal(200, (await segment.ReadAsync(CancellationToken.None)).Events.Count);
    }

    [Fact]
    public void TryWrite_QueueFullAndDiskRefuses_CountsDropped()
    {
        var metrics = TestServices.Metrics();
        var blocked = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(blocked, "a file where the spill directory should be");
        using var spill = TestServices.Spill(blocked, metrics);
        var channel = new UsageEventChannel(TestServices.UsageOptions(blocked, capacity: 1_000), spill, metrics,
            NullLogger<UsageEventChannel>.Instance);

        for (var i = 0; i < 1_001; i++)
        {
            channel.TryWrite(UsageSpillFileTests.Event(i));
        }

        Assert.Equal(1, metrics.DroppedTotal);
    }
}
