using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NhiPlatform.ServiceDefaults.Problems;

/// <summary>
/// A request an endpoint could not bind (malformed JSON, a value of the wrong type, a missing required parameter)
/// answers a ProblemDetails 400 that says what was wrong and where, instead of a bare "Bad Request". Minimal APIs
/// only raise the failure when <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is set; the service's
/// <c>UseExceptionHandler()</c> then brings it here.
/// </summary>
public static class BadRequestProblemDetails
{
    /// <summary>For services that call <c>UseExceptionHandler()</c>; register it before other exception handlers.</summary>
    public static IServiceCollection AddBadRequestProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<Handler>();
        return services;
    }

    private sealed class Handler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
            {
                return false;
            }

            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = badRequest.StatusCode, Detail = Describe(badRequest) },
            });
        }

        // JsonException's message names the JSON path and position, never the value: safe to return and to log.
        private static string Describe(BadHttpRequestException exception) => exception.InnerException switch
        {
            JsonException json => $"The request body is not valid for this endpoint at {json.Path ?? "$"}" +
                (json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})." : "."),
            _ => exception.Message,
        };
    }
}
