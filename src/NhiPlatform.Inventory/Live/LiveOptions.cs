using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Inventory.Live;

/// <summary>Live updates of the operator page (<c>Nhi:Inventory:Live</c>).</summary>
internal sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>Redis pub/sub channel between replicas (channels are global to a Redis server).</summary>
    [Required]
    public string Channel { get; set; } = "nhi:inventory:changes";

    /// <summary>How long an event-stream ticket is valid; it is also single-use.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Comment lines keep idle event streams open through proxies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Unused tickets one identity may hold at once (every replica counts together); more is 429.</summary>
    [Range(1, 100)]
    public int MaxTicketsPerIdentity { get; set; } = 5;

    /// <summary>Event streams one identity may have open at once (every replica counts together); more is 429.</summary>
    [Range(1, 100)]
    public int MaxStreamsPerIdentity { get; set; } = 5;

    /// <summary>How often open streams are checked against revocations and the catalogue (and when identities change).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AccessCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a stream's slot outlives its replica's last renewal (renewed at every access check).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan StreamLease { get; set; } = TimeSpan.FromSeconds(30);
}
