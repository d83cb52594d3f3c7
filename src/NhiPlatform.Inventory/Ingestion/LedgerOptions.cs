using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Inventory.Ingestion;

/// <summary>Ledger retention (<c>Nhi:Inventory:Ledger</c>): raw events by day, roll-ups kept longer.</summary>
internal sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    /// <summary>Days of raw usage events kept; older daily partitions are dropped whole.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Days of daily roll-ups kept (calls and denials per caller, route and service).</summary>
    [Range(1, 36500)]
    public int RollupRetentionDays { get; set; } = 730;

    /// <summary>Days of hourly counts kept (the call-spike baseline).</summary>
    [Range(1, 365)]
    public int HourlyRetentionDays { get; set; } = 14;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);
}
