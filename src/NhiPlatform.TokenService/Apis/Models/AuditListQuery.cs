using System.Globalization;
using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>
/// The query of <c>GET /api/admin/audit</c>: filters, a page size and where to go on from: the <c>cursor</c> of the page
/// before (its <c>Link rel="next"</c>), or <c>before</c>, an entry id.
/// </summary>
internal sealed record AuditListQuery : IQueryParameters, IBindableFromHttpContext<AuditListQuery>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public required AuditQuery Query { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<AuditListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var before = query.Id("before");
        var cursor = query.Cursor(NextPageLink.CursorParameter, 1, ReadCursor);
        if (before is not null && cursor is not null)
        {
            query.Problem("before", "Give before or cursor, not both.");
        }

        var read = new AuditQuery(query.Text("target"), query.Text("actor"), query.Text("action"), query.Instant("since"),
            cursor?.Id ?? before, query.Limit("limit", DefaultLimit, MaxLimit));
        return ValueTask.FromResult<AuditListQuery?>(new AuditListQuery { Query = read, Problems = query.Finish() });
    }

    public static string Cursor(long lastId) => PageCursor.Encode(lastId.ToString(CultureInfo.InvariantCulture));

    private static AuditPosition? ReadCursor(string[] parts) =>
        long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1 ? new AuditPosition(id) : null;

    private sealed record AuditPosition(long Id);
}
