using System.Globalization;
using System.Text.RegularExpressions;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// What the gateways' console logs say about usage events that did not take the usual way. Dropped: every place that
/// adds to the <c>nhi.gateway.usage.dropped</c> counter logs first, at Error, <c>UsageDropped</c> (1000, one line per
/// event) or <c>UsageSegmentUnreadable</c> (1005, one line per lost line). Replayed: <c>UsageReplayed</c> (1002) per segment.
/// </summary>
internal static partial class GatewayUsageLog
{
    public static GatewayUsageFigures Count(IEnumerable<string> lines)
    {
        long replayed = 0, dropped = 0;
        var segments = 0;
        foreach (var raw in lines)
        {
            var line = Ansi().Replace(raw, string.Empty);
            if (Header().Match(line) is { Success: true } header && header.Groups["id"].Value is "1000" or "1005")
            {
                dropped++;
            }
            else if (ReplayedMessage().Match(line) is { Success: true } replay)
            {
                replayed += long.Parse(replay.Groups["count"].Value, CultureInfo.InvariantCulture);
                segments++;
            }
        }

        return new GatewayUsageFigures(replayed, segments, dropped);
    }

    /// <summary>The console formatter's colours, when the process thinks it writes to a terminal.</summary>
    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    /// <summary>The console formatter's first line of an entry: <c>fail: Category[EventId]</c>, after the orchestrator's timestamp.</summary>
    [GeneratedRegex(@"(?:^|\s)(?:fail|crit): \S+\[(?<id>\d+)\]\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"Replayed (?<count>\d+) spilled usage events from \S+")]
    private static partial Regex ReplayedMessage();
}
