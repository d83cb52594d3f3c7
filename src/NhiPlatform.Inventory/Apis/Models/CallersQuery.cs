using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/callers</c>: a <c>route</c>, a <c>service</c>, or both.</summary>
internal sealed record CallersQuery : IQueryParameters, IBindableFromHttpContext<CallersQuery>
{
    public string? Route { get; init; }
    public string? Service { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<CallersQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var (route, service) = (query.Text("route"), query.Text("service"));
        if (string.IsNullOrWhiteSpace(route) && string.IsNullOrWhiteSpace(service))
        {
            query.Problem("route", "Give a route, a service, or both.");
        }

        return ValueTask.FromResult<CallersQuery?>(new CallersQuery { Route = route, Service = service, Problems = query.Finish() });
    }
}
