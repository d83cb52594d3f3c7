using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.ServiceDefaults.Queries;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Inventory.Findings.Lifecycle;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>Findings: list with filters, acknowledge, resolve, evaluate on demand; the lifecycle policy's dry run.</summary>
internal static class FindingsApi
{
    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var reads = app.Reads("Findings");
        reads.MapGet("/findings", ListFindings).WithName("ListFindings");
        reads.MapGet("/lifecycle/plan", GetLifecyclePlan).WithName("GetLifecyclePlan");
        var writes = app.Writes("Findings");
        writes.MapPost("/findings/evaluate", Evaluate).WithName("EvaluateFindings");
        writes.MapPost("/findings/{id:long}/acknowledge", Acknowledge).WithName("AcknowledgeFinding");
        writes.MapPost("/findings/{id:long}/resolve", Resolve).WithName("ResolveFinding");
        return app;
    }

    /// <summary>Most severe first, newest first within a severity; when more follow, a <c>Link rel="next"</c> header carries the cursor.</summary>
    public static async Task<Ok<IReadOnlyList<FindingItem>>> ListFindings(
        FindingListQuery query, IFindingStore store, HttpContext context, CancellationToken cancellationToken)
    {
        // One finding more than asked says whether another page follows.
        var limit = query.Filter.Limit;
        var findings = await store.ListAsync(query.Filter with { Limit = limit + 1 }, cancellationToken);
        if (findings.Count > limit)
        {
            findings = [.. findings.Take(limit)];
            NextPageLink.Set(context, FindingListQuery.Cursor(findings[^1]));
        }

        return TypedResults.Ok<IReadOnlyList<FindingItem>>([.. findings.Select(f => f.ToItem())]);
    }

    public static async Task<Ok<EvaluationResult>> Evaluate(FindingEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok(await engine.EvaluateAsync(cancellationToken));

    public static async Task<Ok<IReadOnlyList<LifecycleAction>>> GetLifecyclePlan(DormantIdentityPolicy policy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policy.ApplyAsync(dryRun: true, cancellationToken));

    public static Task<Results<Ok<FindingItem>, ProblemHttpResult, ValidationProblem>> Acknowledge(
        long id, StatusChangeRequest body, ClaimsPrincipal user, [AsParameters] FindingStatusServices services, CancellationToken cancellationToken) =>
        SetStatusAsync(id, FindingStatus.Acknowledged, body, user, services, cancellationToken);

    public static Task<Results<Ok<FindingItem>, ProblemHttpResult, ValidationProblem>> Resolve(
        long id, StatusChangeRequest body, ClaimsPrincipal user, [AsParameters] FindingStatusServices services, CancellationToken cancellationToken) =>
        SetStatusAsync(id, FindingStatus.Resolved, body, user, services, cancellationToken);

    private static async Task<Results<Ok<FindingItem>, ProblemHttpResult, ValidationProblem>> SetStatusAsync(
        long id, string status, StatusChangeRequest body, ClaimsPrincipal user, FindingStatusServices services, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Say why (1 to 1000 characters)."] });
        }

        var actor = user.Actor();
        var finding = await services.Store.SetStatusAsync(id, status, actor, body.Reason.Trim(), services.TimeProvider.GetUtcNow(), cancellationToken);
        if (finding is null)
        {
            return TypedResults.Problem(title: "Unknown finding", detail: $"No finding {id}.", statusCode: 404);
        }

        FindingsLog.StatusChanged(services.Logger, id, status, actor);
        await services.Live.PublishAsync(LiveChangeKinds.Findings, cancellationToken);
        return TypedResults.Ok(finding.ToItem());
    }
}
