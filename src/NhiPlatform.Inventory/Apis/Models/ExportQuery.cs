using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/export/{what}</c>: <c>format</c>, json (the default) or csv.</summary>
internal sealed record ExportQuery : IQueryParameters, IBindableFromHttpContext<ExportQuery>
{
    private static readonly string[] Formats = ["json", "csv"];

    public bool Csv { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<ExportQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var format = query.OneOf("format", Formats);
        return ValueTask.FromResult<ExportQuery?>(new ExportQuery { Csv = format == "csv", Problems = query.Finish() });
    }
}
