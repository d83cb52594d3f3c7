using NhiPlatform.Contracts;
using StackExchange.Redis;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>What is still on its way to the ledger: spilled segments in the gateways' directory, and stream entries the inventory has not acknowledged.</summary>
internal static class IngestionBacklog
{
    public static async Task<string?> DescribeAsync(string redisConnectionString, string spillDirectory)
    {
        var segments = SpillSegments.List(spillDirectory).Count;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var groups = await redis.GetDatabase().StreamGroupInfoAsync(NhiStreams.Usage);
        var group = groups.SingleOrDefault(g => g.Name == NhiStreams.InventoryGroup);
        var length = await redis.GetDatabase().StreamLengthAsync(NhiStreams.Usage);
        var pending = group.PendingMessageCount;
        var unread = group.Lag ?? (group.EntriesRead is { } read ? length - read : length);
        return segments == 0 && pending == 0 && unread == 0
            ? null
            : $"{segments} spill segment(s) in {spillDirectory}, {pending} stream entries pending, {unread} unread by the inventory";
    }
}
