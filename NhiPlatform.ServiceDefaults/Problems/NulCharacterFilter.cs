using Microsoft.AspNetCore.Http;

namespace NhiPlatform.ServiceDefaults.Problems;

/// <summary>
/// Refuses a query or route value holding a NUL character (a 400, not the 500 PostgreSQL's "invalid byte sequence"
/// became): text columns cannot store one, so no such value can match anything anyway.
/// </summary>
public sealed class NulCharacterFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var offending = request.Query.Where(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Select(q => q.Key)
            .Concat(request.RouteValues.Where(r => r.Value is string s && s.Contains('\0')).Select(r => r.Key))
            .FirstOrDefault();
        return offending is null
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [offending.Replace("\0", "\\0", StringComparison.Ordinal)] = ["NUL characters are not allowed."] }));
    }
}
