using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/search</c>: <c>q</c>, 1 to 200 characters once trimmed.</summary>
internal sealed record SearchQuery : IQueryParameters, IBindableFromHttpContext<SearchQuery>
{
    public const int MaxLength = 200;

    public string Term { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<SearchQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var term = query.Text("q")?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxLength)
        {
            query.Problem("q", $"1 to {MaxLength} characters.");
        }

        return ValueTask.FromResult<SearchQuery?>(new SearchQuery { Term = term ?? string.Empty, Problems = query.Finish() });
    }
}
