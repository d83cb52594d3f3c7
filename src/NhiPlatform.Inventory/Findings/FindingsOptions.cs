using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Inventory.Findings;

/// <summary>Finding rules and their schedule (<c>Nhi:Inventory:Findings</c>).</summary>
internal sealed class FindingsOptions
{
    public const string SectionName = "Findings";

    /// <summary>How often findings are computed (also on demand through the API).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1, 3650)] public int DormantAfterDays { get; set; } = 30;

    /// <summary>
    /// The dormant window below a day (<c>00:00:45</c>, as the demo sets it); when set it wins over <see cref="DormantAfterDays"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan? DormantAfter { get; set; }

    /// <summary>The window a dormant identity has not called in: <see cref="DormantAfter"/>, else <see cref="DormantAfterDays"/>.</summary>
    public TimeSpan DormantWindow => DormantAfter ?? TimeSpan.FromDays(DormantAfterDays);

    [Range(1, 3650)] public int UnusedCredentialAfterDays { get; set; } = 30;

    /// <summary>Granted scopes are judged unused only once the identity is this old.</summary>
    /// <summary>A federated credential never used this long after its creation is reported.</summary>
    [Range(1, 3650)] public int UnusedFederatedCredentialAfterDays { get; set; } = 7;

    [Range(1, 3650)] public int ScopeObservationDays { get; set; } = 14;

    /// <summary>The observation window below a day; when set it wins over <see cref="ScopeObservationDays"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan? ScopeObservation { get; set; }

    /// <summary>The scope observation window: <see cref="ScopeObservation"/>, else <see cref="ScopeObservationDays"/>.</summary>
    public TimeSpan ScopeObservationWindow => ScopeObservation ?? TimeSpan.FromDays(ScopeObservationDays);

    [Range(1, 365)] public int ExpiringWithinDays { get; set; } = 14;

    /// <summary>Rotation is overdue past the identity's credential max age, or this for credentials without one.</summary>
    [Range(1, 3650)] public int DefaultRotationDays { get; set; } = 90;

    /// <summary>A source address or route first seen this recently is new (if the identity had others before).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan NewActivityWindow { get; set; } = TimeSpan.FromHours(24);

    [Range(1.1, 1000)] public double SpikeFactor { get; set; } = 3;
    [Range(1, 10_000_000)] public long SpikeMinimumCalls { get; set; } = 100;
    [Range(1, 60)] public int SpikeBaselineDays { get; set; } = 7;

    /// <summary>A caller's baseline is learned over this long before a spike against it is a finding (none against nothing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SpikeLearningPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>New high-severity findings are POSTed here as JSON; none when empty.</summary>
    public Uri? WebhookUrl { get; set; }
}
