using NhiPlatform.Inventory.Ingestion;
using StackExchange.Redis;

namespace NhiPlatform.Inventory.Infrastructure.Redis;

/// <summary>
/// <c>XTRIM … MINID</c> below the oldest entry any consumer group still needs: its oldest pending entry (delivered, not
/// acknowledged: it may be reclaimed and stored again), else the entry after the last one it was given. Everything
/// below that was delivered and acknowledged after its commit; nothing pending, and nothing not yet delivered, is ever
/// removed. With no group at all nothing is trimmed: the inventory reads the stream from its start the first time.
/// </summary>
internal sealed class RedisAcknowledgedEntryTrimmer(IConnectionMultiplexer redis) : IAcknowledgedEntryTrimmer
{
    public async Task<long> TrimAsync(string stream, CancellationToken cancellationToken)
    {
        var database = redis.GetDatabase();
        if (!await database.KeyExistsAsync(stream))
        {
            return 0;
        }

        var groups = await database.StreamGroupInfoAsync(stream);
        if (groups.Length == 0)
        {
            return 0;
        }

        StreamId? keepFrom = null;
        foreach (var group in groups)
        {
            var needed = group.PendingMessageCount > 0
                ? StreamId.Parse((await database.StreamPendingAsync(stream, group.Name)).LowestPendingMessageId)
                : StreamId.Parse(group.LastDeliveredId)?.Next();
            if (needed is null)
            {
                return 0;
            }

            keepFrom = keepFrom is null || needed.Value.CompareTo(keepFrom.Value) < 0 ? needed : keepFrom;
        }

        // Approximate: Redis removes whole nodes only, cheaply; an entry or two above the line may stay until next time.
        return keepFrom is { } minimum
            ? (long)await database.ExecuteAsync("XTRIM", stream, "MINID", "~", minimum.ToString())
            : 0;
    }

    /// <summary>A stream entry id (<c>milliseconds-sequence</c>), ordered as Redis orders them.</summary>
    private readonly record struct StreamId(ulong Milliseconds, ulong Sequence) : IComparable<StreamId>
    {
        public static StreamId? Parse(RedisValue value)
        {
            var text = value.ToString();
            var dash = text.IndexOf('-');
            return dash > 0 && ulong.TryParse(text.AsSpan(0, dash), out var milliseconds) && ulong.TryParse(text.AsSpan(dash + 1), out var sequence)
                ? new StreamId(milliseconds, sequence)
                : null;
        }

        public StreamId Next() => Sequence == ulong.MaxValue ? new StreamId(Milliseconds + 1, 0) : this with { Sequence = Sequence + 1 };

        public int CompareTo(StreamId other) =>
            Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

        public override string ToString() => $"{Milliseconds}-{Sequence}";
    }
}
