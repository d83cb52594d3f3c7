using NhiPlatform.Contracts;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// The inventory's finding windows with <c>--demo</c>: seconds instead of days, so the demo's dormant and
/// over-privileged identities are findings within about a minute of start, through the ordinary configuration keys.
/// </summary>
internal static class DemoFindingWindows
{
    /// <summary>The demo's CRM sync calls once at start: dormant 45 s later.</summary>
    public static readonly TimeSpan DormantAfter = TimeSpan.FromSeconds(45);

    /// <summary>The legacy batch uses one of its five scopes: judged 30 s after it is registered.</summary>
    public static readonly TimeSpan ScopeObservation = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new(NhiConfigurationKeys.FindingsDormantAfter, DormantAfter.ToString("c")),
        new(NhiConfigurationKeys.FindingsScopeObservation, ScopeObservation.ToString("c")),
        new(NhiConfigurationKeys.FindingsInterval, Interval.ToString("c")),
    ];
}
