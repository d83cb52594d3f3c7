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
}
