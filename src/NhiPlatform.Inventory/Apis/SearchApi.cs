using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis;

/// <summary>The page's search box: identities, callers of matching routes or services, and matching credentials.</summary>
internal static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.Reads("Search").MapGet("/search", Search).WithName("Search");
        return app;
    }

    public static async Task<Ok<SearchAnswer>> Search(SearchQuery query, IInventoryReader reader, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var term = query.Term;
        var identities = (await reader.ListIdentitiesAsync(cancellationToken))
            .Where(i => Has(i.ClientId, term) || Has(i.DisplayName, term) || Has(i.Owner, term) || Has(i.Purpose, term)).ToList();
        var edges = await reader.GetEdgesAsync(null, null, null, cancellationToken);
        var routes = edges.Where(e => Has(e.RouteId, term)).Select(e => e.RouteId).Distinct().ToList();
        var services = edges.Where(e => Has(e.Service, term)).Select(e => e.Service).Distinct().ToList();
        var callers = new List<CallerOfItem>();
        foreach (var route in routes)
        {
            callers.AddRange(await CallersApi.CallersOfAsync(reader, route, null, cancellationToken));
        }

        foreach (var service in services)
        {
            callers.AddRange((await CallersApi.CallersOfAsync(reader, null, service, cancellationToken)).Where(c => !routes.Contains(c.RouteId)));
        }

        var now = timeProvider.GetUtcNow();
        var credentials = await reader.GetCredentialsAsync(new CredentialQuery(Search: term), cancellationToken);
        return TypedResults.Ok(new SearchAnswer(identities, callers, [.. credentials.Select(c => CredentialItem.From(c, now))]));
    }

    private static bool Has(string? value, string term) => value?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;
}
