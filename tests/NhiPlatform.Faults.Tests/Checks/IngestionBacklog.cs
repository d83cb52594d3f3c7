using NhiPlatform.Contracts;
using StackExchange.Redis;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>What is still on its way to the ledger: spilled segments on the gateways' disks, and stream entries the inventory has not acknowledged.</summary>
internal static class IngestionBacklog
{
    public static async Task<string?> DescribeAsync(string redisConnectionString, IEnumerable<string> spillDirectories)
    {
        var segments = spillDirectories.Where(Directory.Exists).Sum(d => Directory.EnumerateFiles(d, "usage-*").Count());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var groups = await redis.GetDatabase().StreamGroupInfoAsync(NhiStreams.Usage);
        var group = groups.SingleOrDefault(g => g.Name == NhiStreams.InventoryGroup);
        var length = await redis.GetDatabase().StreamLengthAsync(NhiStreams.Usage);
        var pending = group.PendingMessageCount;
        var unread = group.Lag ?? (group.EntriesRead is { } read ? length - read : length);
        return segments == 0 && pending == 0 && unread == 0
            ? null
            : $"{segments} spill segment(s) on gateway disks, {pending} stream entries pending, {unread} unread by the inventory";
    }
}
