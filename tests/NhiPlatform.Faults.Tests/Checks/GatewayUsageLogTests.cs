namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>The dropped count rests on reading the gateways' log lines: it must see a drop, or its zero proves nothing.</summary>
public sealed class GatewayUsageLogTests
{
    private const string Time = "2026-12-06T20:31:03.1390000Z ";

    [Fact]
    public void Count_DroppedEntries_OnePerEventAndPerUnreadableLine()
    {
        var figures = GatewayUsageLog.Count(
        [
            Time + "\x1b[41m\x1b[30mfail\x1b[39m\x1b[22m\x1b[49m: NhiPlatform.Gateway.Infrastructure.Redis.RedisUsageStreamWriter[1000]",
            Time + "      Usage queue full and spill file unwritable: event 0190c3f4-0000-7000-8000-000000000001 for route echo was dropped",
            Time + "fail: NhiPlatform.Gateway.Usage.UsageEventChannel[1000]",
            Time + "fail: NhiPlatform.Gateway.Infrastructure.Redis.RedisUsageReplayer[1005]",
            Time + "warn: NhiPlatform.Gateway.Infrastructure.Redis.RedisUsageStreamWriter[1001]",
        ]);

        Assert.Equal(3, figures.Dropped);
    }

    [Fact]
    public void Count_ReplayedEntries_SumsTheirCounts()
    {
        var figures = GatewayUsageLog.Count(
        [
            Time + "info: NhiPlatform.Gateway.Infrastructure.Redis.RedisUsageReplayer[1002]",
            Time + "      Replayed 12 spilled usage events from usage-20261206T203103139-4242-0a1b.jsonl",
            Time + "      Replayed 3 spilled usage events from usage-20261206T203104139-4243-0a1c.jsonl",
        ]);

        Assert.Equal(new GatewayUsageFigures(15, 2, 0), figures);
    }

    [Fact]
    public void Count_OtherEventIdsAndLevels_NotDropped() => Assert.Equal(0, GatewayUsageLog.Count(
    [
        Time + "info: NhiPlatform.Gateway.Usage.Something[1000]",
        Time + "fail: Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService[103]",
        Time + "fail: Other.Category[10005]",
    ]).Dropped);
}
