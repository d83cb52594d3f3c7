using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis;

/// <summary>The usage ledger: which identity called what (<c>/api/inventory/usage</c>, scope <c>nhi.read</c>).</summary>
internal static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/usage")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Read))
            .AddEndpointFilter<NulCharacterFilter>()
            .AddEndpointFilter<QueryProblemsFilter>()
            .WithTags("Usage");
        api.MapGet("/", GetUsage).WithName("GetUsage");
        return app;
    }

    /// <summary>A page of the ledger, newest first; <c>next</c> walks on to the oldest row (keyset on instant and event id).</summary>
    public static async Task<Ok<UsagePage>> GetUsage(UsageListQuery query, IUsageLedger ledger, CancellationToken cancellationToken)
    {
        // One row more than asked says whether another page follows.
        var limit = query.Query.Limit;
        var events = await ledger.QueryAsync(query.Query with { Limit = limit + 1 }, cancellationToken);
        if (events.Count <= limit)
        {
            return TypedResults.Ok(new UsagePage(events));
        }

        var page = events.Take(limit).ToList();
        return TypedResults.Ok(new UsagePage(page, UsageListQuery.Cursor(new UsagePosition(page[^1].OccurredAt, page[^1].EventId))));
    }
}
