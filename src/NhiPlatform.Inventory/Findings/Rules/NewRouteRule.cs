using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Findings.Rules;

/// <summary>An identity calling a route first seen recently, when it had called other routes before.</summary>
internal sealed class NewRouteRule : IFindingRule
{
    public const string RuleName = "new_route";

    public string Name => RuleName;

    public IEnumerable<DetectedFinding> Evaluate(FindingContext context)
    {
        var since = context.Now - context.Options.NewActivityWindow;
        foreach (var group in context.Snapshot.Edges.Where(e => e.CallerKind == "identity").GroupBy(e => e.Caller, StringComparer.Ordinal))
        {
            var earliest = group.Min(e => e.FirstSeen);
            foreach (var edge in group.Where(e => e.FirstSeen >= since && e.FirstSeen > earliest))
            {
                yield return new DetectedFinding(RuleName, $"{edge.Caller}|{edge.RouteId}|{edge.Service}", edge.Caller, FindingSeverity.Low,
                    $"'{edge.Caller}' called a new route '{edge.RouteId}' ({edge.Service})",
                    FindingContext.Evidence(("routeId", edge.RouteId), ("service", edge.Service), ("firstSeen", edge.FirstSeen), ("calls", edge.Calls)));
            }
        }
    }
}
