using System.Reflection;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis.Models;

/// <summary>The query of <c>POST /api/inventory/imports/certificates</c>: the <c>owner</c> and <c>system</c> of every certificate.</summary>
internal sealed record CertificateImportQuery : IQueryParameters, IBindableFromHttpContext<CertificateImportQuery>
{
    public string? Owner { get; init; }
    public string? System { get; init; }

    public IReadOnlyDictionary<string, string[]> Problems { get; init; } = new Dictionary<string, string[]>();

    public static ValueTask<CertificateImportQuery?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var query = new QueryReader(context.Request.Query);
        var read = new CertificateImportQuery { Owner = query.Text("owner", 200), System = query.Text("system", 200) };
        return ValueTask.FromResult<CertificateImportQuery?>(read with { Problems = query.Finish() });
    }
}
