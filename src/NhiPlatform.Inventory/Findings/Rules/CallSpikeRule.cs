using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// The last two hours' calls against the caller's own hourly average over the baseline days before them: a spike is
/// above both the factor times the baseline and the minimum. Not for a caller whose baseline is still being learned
/// (first call within the learning period), nor for operators (identities granted <c>nhi.admin</c> or <c>nhi.read</c>):
/// an operator's afternoon on the page is not a workload gone wrong.
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
        var operators = context.Snapshot.Identities
            .Where(identity => identity.AllowedScopes.Any(scope => scope is NhiScopes.Admin or NhiScopes.Read))
            .Select(identity => identity.ClientId)
            .ToHashSet(StringComparer.Ordinal);
        var learnedBy = currentHour.AddHours(-1) - context.Options.SpikeLearningPeriod;
        foreach (var group in context.Snapshot.Hourly.GroupBy(h => h.Caller, StringComparer.Ordinal))
        {
            if (operators.Contains(group.Key) || group.Min(h => h.Hour) > learnedBy)
            {
                continue;
            }

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
