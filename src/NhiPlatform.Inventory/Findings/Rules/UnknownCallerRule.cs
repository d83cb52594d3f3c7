using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>
/// Hidden callers: tokens that failed verification (a foreign issuer, or ours but forged, tampered or signed with a
/// withdrawn key), one finding per source, at low severity: nothing about them was verified, and an anonymous flood
/// must not page anyone. The busiest sources are shown one by one, the rest in one finding; no claimed text is used.
/// </summary>
internal sealed class UnknownCallerRule : IFindingRule
{
    public const string RuleName = "unknown_caller";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var unverified = context.Snapshot.Callers.Where(c => c.CallerKind == UnverifiedCallers.Kind).ToList();
        var shown = UnverifiedCallers.ShownOf(unverified);
        foreach (var caller in unverified.Where(c => shown.Contains(c.Caller)))
        {
            var source = UnverifiedCallers.SourceOf(caller.Caller) ?? "an unrecorded source";
            var routes = context.Snapshot.Edges.Where(e => e.Caller == caller.Caller).Select(e => e.RouteId).Distinct();
            yield return new DetectedFinding(RuleName, caller.Caller, null, FindingSeverity.Low,
                $"Tokens that failed verification were presented from {source}",
                FindingContext.Evidence(("sourceAddress", source), ("calls", caller.Calls), ("denials", caller.Denials),
                    ("firstSeen", caller.FirstSeen), ("lastSeen", caller.LastSeen), ("routes", string.Join(' ', routes))));
        }

        var others = unverified.Where(c => !shown.Contains(c.Caller)).ToList();
        if (others.Count > 0)
        {
            yield return new DetectedFinding(RuleName, UnverifiedCallers.Others, null, FindingSeverity.Low,
                $"Tokens that failed verification were presented from {others.Count} more sources",
                FindingContext.Evidence(("sources", others.Count), ("calls", others.Sum(c => c.Calls)),
                    ("firstSeen", others.Min(c => c.FirstSeen)), ("lastSeen", others.Max(c => c.LastSeen))));
        }
    }
}
