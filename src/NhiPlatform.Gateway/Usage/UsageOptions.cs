using System.ComponentModel.DataAnnotations;

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
