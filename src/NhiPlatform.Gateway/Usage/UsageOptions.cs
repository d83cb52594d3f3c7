using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Gateway.Usage;

/// <summary>Usage emission settings (<c>Nhi:Gateway:Usage</c>).</summary>
internal sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>Events held in memory while Redis is slow or away.</summary>
    [Range(1_000, 10_000_000)]
    public int ChannelCapacity { get; set; } = 100_000;

    /// <summary>Most events sent to Redis in one pipelined round trip.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}
