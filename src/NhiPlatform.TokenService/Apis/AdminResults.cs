using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Identities;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Shared pieces of the admin API: the acting admin and the ProblemDetails of failed outcomes.</summary>
internal static class AdminResults
{
    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(NhiClaims.ClientId) ?? "unknown";

    public static Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult> Identity(IdentityOutcome outcome) => outcome.Kind switch
    {
        IdentityOutcomeKind.Ok => TypedResults.Ok(outcome.Record!.ToResponse()),
        IdentityOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
        _ => Problem(outcome),
    };

    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Map<T>(IdentityOutcome outcome, Func<IdentityOutcome, T> success) => outcome.Kind switch
    {
        IdentityOutcomeKind.Ok => TypedResults.Ok(success(outcome)),
        IdentityOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
        _ => Problem(outcome),
    };

    /// <summary>404 or 409 for a failed outcome.</summary>
    public static ProblemHttpResult Problem(IdentityOutcome outcome) => outcome.Kind == IdentityOutcomeKind.NotFound
        ? NotFound()
        : TypedResults.Problem(title: "Conflict", detail: outcome.Detail, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound() => TypedResults.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound);
}
