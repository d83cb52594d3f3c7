using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// The last complete hour's calls against the caller's own hourly average over the baseline days before it: a spike
/// is above both the factor times the baseline and the minimum.
/// </summary>
internal sealed class CallSpikeRule : IFindingRule
{
    public const string RuleName = "call_spike";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var currentHour = new DateTimeOffset(context.Now.UtcDateTime.Date.AddHours(context.Now.UtcDateTime.Hour), TimeSpan.Zero);
        var baselineStart = currentHour.AddDays(-context.Options.SpikeBaselineDays);
        var baselineHours = context.Options.SpikeBaselineDays * 24.0;
        foreach (var group in context.Snapshot.Hourly.GroupBy(h => h.Caller, StringComparer.Ordinal))
        {
            var recent = group.Where(h => h.Hour == currentHour || h.Hour == currentHour.AddHours(-1)).Sum(h => h.Calls);
            var baseline = group.Where(h => h.Hour >= baselineStart && h.Hour < currentHour.AddHours(-1)).Sum(h => h.Calls) / baselineHours;
            var threshold = Math.Max(context.Options.SpikeMinimumCalls, baseline * 2 * context.Options.SpikeFactor);
            if (recent > threshold)
            {
                yield return new DetectedFinding(RuleName, group.Key, group.Key, FindingSeverity.Medium,
                    $"'{group.Key}' made {recent} calls in the last two hours against a baseline of {baseline * 2:0.#}",
                    FindingContext.Evidence(("recentCalls", recent), ("baselinePerTwoHours", Math.Round(baseline * 2, 1)), ("factor", context.Options.SpikeFactor)));
            }
        }
    }
}
