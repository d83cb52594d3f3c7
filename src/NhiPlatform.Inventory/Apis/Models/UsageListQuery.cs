using System.Globalization;
using System.Reflection;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/usage</c>: filters, a page size and the cursor of the page before.</summary>
internal sealed record UsageListQuery : IQueryParameters, IBindableFromHttpContext<UsageListQuery>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public required UsageQuery Query { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<UsageListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var read = new UsageQuery
        {
            ClientId = query.Text("client_id"),
            RouteId = query.Text("route"),
            Path = query.Text("path"),
            Since = query.Instant("since"),
            Limit = query.Limit("limit", DefaultLimit, MaxLimit),
            After = query.Cursor(NextPageLink.CursorParameter, 2, ReadCursor),
        };
        return ValueTask.FromResult<UsageListQuery?>(new UsageListQuery { Query = read, Problems = query.Finish() });
    }

    /// <summary>The cursor after <paramref name="last"/>: its instant (in ticks, exact for PostgreSQL's microseconds) and event id.</summary>
    public static string Cursor(UsagePosition last) =>
        PageCursor.Encode(last.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), last.EventId.ToString("N"));

    private static UsagePosition? ReadCursor(string[] parts) =>
        long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && Guid.TryParseExact(parts[1], "N", out var eventId)
            ? new UsagePosition(new DateTimeOffset(ticks, TimeSpan.Zero), eventId)
            : null;
}
