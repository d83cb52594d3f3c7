using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class IngestionMetricsTests
{
    [Fact]
    public void TryGetArrival_StreamId_IsItsMilliseconds()
    {
        Assert.True(IngestionMetrics.TryGetArrival("1763892000123-7", out var arrival));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763892000123), arrival);
    }

    [Fact]
    public void TryGetArrival_NotAnId_IsFalse() => Assert.False(IngestionMetrics.TryGetArrival("x-1", out _));
}
