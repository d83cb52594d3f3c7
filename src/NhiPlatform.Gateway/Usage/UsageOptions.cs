using System.ComponentModel.DataAnnotations;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Gateway.Usage;

/// <summary>Usage emission settings (<c>Nhi:Gateway:Usage</c>).</summary>
internal sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>Events held in memory on their way to Redis; beyond it they spill to disk.</summary>
    [Range(1_000, 10_000_000)]
    public int ChannelCapacity { get; set; } = 100_000;

    /// <summary>Most events sent to Redis in one pipelined round trip.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Most events in one stream entry (<c>usage.batch</c>): one XADD, entry id and acknowledgement per this many
    /// events instead of per request. 1 writes one <c>usage.recorded</c> entry per event, for an inventory that does
    /// not read batches yet. Kept well under the size at which an entry's buffer would land on the large object heap.
    /// </summary>
    [Range(1, UsageBatch.MaxEvents)]
    public int EventsPerEntry { get; set; } = 100;

    /// <summary>
    /// How long the writer lets events gather before it sends what it has (unless <see cref="BatchSize"/> are already
    /// waiting). Redis's cost is per round trip more than per event: sending as soon as each request finished made
    /// entries of a few events and cost Redis about 9 us per request; a 20 ms wait fills entries under load and adds
    /// at most that to an event's way to the inventory.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Where events go while Redis is unavailable or the queue is full (append-only JSON-lines segments), replayed
    /// when Redis is back. Relative paths are under the content root. Give each gateway deployment (Redis target)
    /// its own directory; replicas of one deployment may share it.
    /// </summary>
    [Required]
    public string SpillDirectory { get; set; } = "usage-spill";

    /// <summary>How often spilled segments are looked for and replayed while Redis is connected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ReplayInterval { get; set; } = TimeSpan.FromSeconds(1);
}
