using System.Reflection;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>GET /api/inventory/credentials</c>: <c>rotated_before</c> (an instant), <c>client_id</c>, <c>q</c>.</summary>
internal sealed record CredentialListQuery : IQueryParameters, IBindableFromHttpContext<CredentialListQuery>
{
    public required CredentialQuery Query { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<CredentialListQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var rotatedBefore = query.Instant("rotated_before");
        var search = query.Text("q", 200);
        var read = new CredentialQuery(query.Text("client_id"), rotatedBefore, string.IsNullOrWhiteSpace(search) ? null : search.Trim(), LiveOnly: rotatedBefore is not null);
        return ValueTask.FromResult<CredentialListQuery?>(new CredentialListQuery { Query = read, Problems = query.Finish() });
    }
}
