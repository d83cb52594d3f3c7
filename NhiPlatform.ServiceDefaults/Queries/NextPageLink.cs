using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace NhiPlatform.ServiceDefaults.Queries;

/// <summary>
/// The next page of a list answered as a bare JSON array (whose shape clients already read): a <c>Link</c> header
/// (RFC 8288, <c>rel="next"</c>) to the same request with <c>cursor</c> set to the next position.
/// </summary>
public static class NextPageLink
{
    public const string CursorParameter = "cursor";

    public static void Set(HttpContext context, string? next)
    {
        if (next is null)
        {
            return;
        }

        var request = context.Request;
        var query = request.Query.Where(q => q.Key != CursorParameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(CursorParameter, next));
        context.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(request.PathBase + request.Path, query)}>; rel=\"next\"";
    }
}
