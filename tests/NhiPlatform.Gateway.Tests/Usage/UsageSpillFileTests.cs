using NhiPlatform.Contracts.Events;
using NhiPlatform.Gateway.Tests.TestSupport;
using NhiPlatform.Gateway.Usage;

namespace NhiPlatform.Gateway.Tests.Usage;

public sealed class UsageSpillFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nhi-spill-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static UsageRecordedEvent Event(int i) => new()
    {
        EventId = Guid.CreateVersion7(),
        OccurredAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Method = "GET",
        Path = $"/svc/echo/{i}",
        Status = 200,
        LatencyMs = 1,
        Decision = UsageDecisions.Allowed,
    };

    [Fact]
    public async Task AppendCloseClaim_RoundTripsEveryEvent()
    {
        var metrics = TestServices.Metrics();
        using var spill = TestServices.Spill(_directory, metrics);
        var events = Enumerable.Range(0, 25).Select(Event).ToList();

        Assert.True(spill.TryAppend(events[..10]));
        Assert.True(spill.TryAppend(events[10..]));
        Assert.Empty(spill.ListSegments());
        spill.CloseActive();

        var path = Assert.Single(spill.ListSegments());
        using (var segment = spill.TryClaim(path))
        {
            Assert.NotNull(segment);
            var (read, unreadable) = await segment.ReadAsync(CancellationToken.None);
            Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
            Assert.Empty(unreadable);
            segment.Delete();
        }

        Assert.Empty(spill.ListSegments());
        Assert.Equal(25, metrics.SpilledTotal);
    }

    [Fact]
    public void TryClaim_SegmentClaimedOrBeingWritten_IsRefused()
    {
        using var writer = TestServices.Spill(_directory, TestServices.Metrics());
        using var other = TestServices.Spill(_directory, TestServices.Metrics());
        writer.TryAppend([Event(1)]);
        var open = Assert.Single(Directory.GetFiles(_directory));

        Assert.Null(other.TryClaim(open));
        writer.CloseActive();
        var closed = Assert.Single(other.ListSegments());
        using var first = other.TryClaim(closed);
        Assert.NotNull(first);
        Assert.Null(writer.TryClaim(closed));
    }

    [Fact]
    public async Task ReadAsync_TornLine_IsReportedAndTheRestRead()
    {
        using var spill = TestServices.Spill(_directory, TestServices.Metrics());
        spill.TryAppend([Event(1), Event(2)]);
        spill.CloseActive();
        var path = Assert.Single(spill.ListSegments());
        await File.AppendAllTextAsync(path, "{\"eventId\":\"01");

        using var segment = spill.TryClaim(path)!;
        var (read, unreadable) = await segment.ReadAsync(CancellationToken.None);

        Assert.Equal(2, read.Count);
        Assert.Equal([3], unreadable);
    }
}
