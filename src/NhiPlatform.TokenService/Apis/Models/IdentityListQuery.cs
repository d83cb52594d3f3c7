using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>The query of <c>GET /api/admin/identities</c>: <c>owner</c>, <c>status</c>, <c>tag</c> (<c>key=value</c>) and <c>scope</c>.</summary>
internal sealed record IdentityListQuery : IQueryParameters, IBindableFromHttpContext<IdentityListQuery>
{
    private static readonly string[] Statuses = [IdentityStatus.Active, IdentityStatus.Disabled, IdentityStatus.Deleted];

    public required IdentityQuery Query { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<IdentityListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var tag = query.Text("tag");
        if (tag is not null && tag.IndexOf('=', StringComparison.Ordinal) < 1)
        {
            query.Problem("tag", "key=value.");
        }

        var read = new IdentityQuery(query.Text("owner"), query.OneOf("status", Statuses), tag, query.Text("scope"));
        return ValueTask.FromResult<IdentityListQuery?>(new IdentityListQuery { Query = read, Problems = query.Finish() });
    }
}
