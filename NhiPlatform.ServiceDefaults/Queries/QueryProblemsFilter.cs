using Microsoft.AspNetCore.Http;

namespace NhiPlatform.ServiceDefaults.Queries;

/// <summary>
/// The one place a query parameter that could not be read becomes a 400: a validation ProblemDetails whose
/// <c>errors</c> name each such parameter. The handler never runs with a parameter it would have had to ignore.
/// </summary>
public sealed class QueryProblemsFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var problems = context.Arguments.OfType<IQueryParameters>().SelectMany(q => q.Problems)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return problems.Count == 0
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(problems, title: "A query parameter could not be read."));
    }
}
