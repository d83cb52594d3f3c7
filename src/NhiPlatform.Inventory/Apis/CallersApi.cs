using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;

namespace NhiPlatform.Inventory.Apis;

/// <summary>Who calls a route or a service, and the map of every caller and service.</summary>
internal static class CallersApi
{
    public static IEndpointRouteBuilder MapCallersApi(this IEndpointRouteBuilder app)
    {
        var reads = app.Reads("Callers");
        reads.MapGet("/callers", GetCallers).WithName("GetCallers");
        reads.MapGet("/map", GetMap).WithName("GetMap");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CallerOfItem>>> GetCallers(CallersQuery query, IInventoryReader reader, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CallersOfAsync(reader, query.Route, query.Service, cancellationToken));

    public static async Task<IReadOnlyList<CallerOfItem>> CallersOfAsync(IInventoryReader reader, string? route, string? service, CancellationToken cancellationToken)
    {
        var edges = await reader.GetEdgesAsync(null, route, service, cancellationToken);
        var identities = (await reader.ListIdentitiesAsync(cancellationToken)).ToDictionary(i => i.ClientId, StringComparer.Ordinal);
        return [.. edges.Select(e =>
        {
            var identity = identities.GetValueOrDefault(e.Caller);
            return new CallerOfItem
            {
                Caller = e.Caller, CallerKind = e.CallerKind, DisplayName = identity?.DisplayName, Owner = identity?.Owner, Status = identity?.Status,
                RouteId = e.RouteId, Service = e.Service, Calls = e.Calls, Denials = e.Denials, FirstSeen = e.FirstSeen, LastSeen = e.LastSeen,
                Scopes = e.Scopes,
            };
        })];
    }

    public static async Task<Ok<MapGraph>> GetMap(
        IInventoryReader reader, IFindingStore findings, IOptions<FindingsOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var snapshot = await reader.LoadSnapshotAsync(now, cancellationToken);
        var open = (await findings.ListAsync(new FindingFilter(Status: FindingStatus.Open, Limit: 10_000), cancellationToken))
            .Where(f => f.ClientId is not null).GroupBy(f => f.ClientId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var callers = snapshot.Callers.ToDictionary(c => c.Caller, StringComparer.Ordinal);
        var dormantBefore = now - options.Value.DormantWindow;
        var nodes = new List<MapNode>();
        foreach (var identity in snapshot.Identities)
        {
            var usage = callers.GetValueOrDefault(identity.ClientId);
            nodes.Add(new MapNode(identity.ClientId, "identity", identity.DisplayName, identity.Owner, identity.Status,
                identity.Status == "active" && (usage?.LastSeen ?? identity.CreatedAt) < dormantBefore,
                usage?.Calls ?? 0, usage?.Denials ?? 0, usage?.LastSeen, open.GetValueOrDefault(identity.ClientId)));
        }

        // Unverified callers beyond the busiest few become one node: an anonymous flood cannot grow the map.
        var known = snapshot.Identities.Select(i => i.ClientId).ToHashSet(StringComparer.Ordinal);
        var shownUnverified = UnverifiedCallers.ShownOf(snapshot.Callers);
        string Node(string caller, string kind) =>
            kind == UnverifiedCallers.Kind && !shownUnverified.Contains(caller) ? UnverifiedCallers.Others : caller;
        foreach (var group in snapshot.Callers.Where(c => !known.Contains(c.Caller)).GroupBy(c => (Node: Node(c.Caller, c.CallerKind), c.CallerKind)))
        {
            // Callers the catalogue does not know: hidden identities, forged or foreign tokens, anonymous requests.
            nodes.Add(new MapNode(group.Key.Node, group.Key.CallerKind, group.Key.Node, null, null, false, group.Sum(c => c.Calls),
                group.Sum(c => c.Denials), group.Max(c => c.LastSeen), open.GetValueOrDefault(group.Key.Node)));
        }

        var edges = snapshot.Edges
            .GroupBy(e => (Caller: Node(e.Caller, e.CallerKind), Service: ServiceNode(e.Service)))
            .Select(g => new MapEdge(g.Key.Caller, g.Key.Service, g.Sum(e => e.Calls), g.Sum(e => e.Denials),
                [.. g.Select(e => e.RouteId).Distinct().Order(StringComparer.Ordinal)], g.Max(e => e.LastSeen)))
            .ToList();
        foreach (var service in edges.GroupBy(e => e.Target))
        {
            nodes.Add(new MapNode(service.Key, "service", service.Key["service:".Length..] is { Length: > 0 } name ? name : "(no route)", null, null, false,
                service.Sum(e => e.Calls), service.Sum(e => e.Denials), service.Max(e => e.LastSeen), 0));
        }

        return TypedResults.Ok(new MapGraph(nodes, edges, now));
    }

    private static string ServiceNode(string service) => "service:" + service;
}
