using System.Reflection;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/findings</c>: status, severity, rule and client id, each optional.</summary>
internal sealed record FindingListQuery : IQueryParameters, IBindableFromHttpContext<FindingListQuery>
{
    private static readonly string[] Statuses = [FindingStatus.Open, FindingStatus.Acknowledged, FindingStatus.Resolved];
    private static readonly string[] Severities = [FindingSeverity.Low, FindingSeverity.Medium, FindingSeverity.High];

    public required FindingFilter Filter { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<FindingListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var filter = new FindingFilter(query.OneOf("status", Statuses), query.OneOf("severity", Severities), query.Text("rule"), query.Text("client_id"));
        return ValueTask.FromResult<FindingListQuery?>(new FindingListQuery { Filter = filter, Problems = query.Finish() });
    }
}
