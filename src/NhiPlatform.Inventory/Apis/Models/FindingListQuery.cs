using System.Globalization;
using System.Reflection;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>
/// The query of <c>GET /api/inventory/findings</c>: status, severity, rule and client id, each optional; a page size
/// and the <c>cursor</c> of the page before (its <c>Link rel="next"</c>).
/// </summary>
internal sealed record FindingListQuery : IQueryParameters, IBindableFromHttpContext<FindingListQuery>
{
    private static readonly string[] Statuses = [FindingStatus.Open, FindingStatus.Acknowledged, FindingStatus.Resolved];
    private static readonly string[] Severities = [FindingSeverity.Low, FindingSeverity.Medium, FindingSeverity.High];
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public required FindingFilter Filter { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<FindingListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var filter = new FindingFilter(query.OneOf("status", Statuses), query.OneOf("severity", Severities), query.Text("rule"), query.Text("client_id"),
            query.Limit("limit", DefaultLimit, MaxLimit), query.Cursor(NextPageLink.CursorParameter, 2, ReadCursor));
        return ValueTask.FromResult<FindingListQuery?>(new FindingListQuery { Filter = filter, Problems = query.Finish() });
    }

    public static string Cursor(Finding last) => PageCursor.Encode(
        FindingSeverity.Rank(last.Severity).ToString(CultureInfo.InvariantCulture), last.Id.ToString(CultureInfo.InvariantCulture));

    private static FindingPosition? ReadCursor(string[] parts) =>
        int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank is >= 0 and <= 3
        && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1
            ? new FindingPosition(rank, id) : null;
}
