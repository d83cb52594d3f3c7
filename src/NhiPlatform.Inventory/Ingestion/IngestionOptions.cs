using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Stream ingestion settings (<c>Nhi:Inventory:Ingestion</c>).</summary>
internal sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>
    /// The largest batch, in events (an entry may carry many: see <see cref="StreamBatchReader"/>). A read takes what is
    /// waiting up to this many events: small batches (low lag) when keeping up, full ones (fewer read-model upserts and
    /// round trips per event) on a backlog.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// Consumers of the usage stream in this replica, each its own member of the group: one batch can be parsed and
    /// copied while another commits. They store disjoint entries; read-model rows are locked in one order, so they
    /// wait for each other but never deadlock.
    /// </summary>
    [Range(1, 8)]
    public int UsageConsumers { get; set; } = 2;

    /// <summary>Pause when the stream is empty (StackExchange.Redis does not block on XREADGROUP).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>An entry unacknowledged this long belongs to a dead consumer and is claimed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClaimAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>This replica's consumer name; defaults to host name and process id.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>
    /// How often acknowledged entries are removed from <c>nhi:usage</c> (they are in the ledger; kept in Redis they would
    /// only grow its memory). <c>nhi:identities</c> is never trimmed: the catalogue can be rebuilt from it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(30);
}
