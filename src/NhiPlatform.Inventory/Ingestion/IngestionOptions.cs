using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Stream ingestion settings (<c>Nhi:Inventory:Ingestion</c>).</summary>
internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Pause when the stream is empty (StackExchange.Redis does not block on XREADGROUP).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An entry unacknowledged this long belongs to a dead consumer and is claimed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This replica's consumer name; defaults to host name and process id.</summary>
    public string? ConsumerName { get; set; }
}
