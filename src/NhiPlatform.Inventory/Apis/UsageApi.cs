using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.Inventory.Apis;

/// <summary>The usage ledger: which identity called what (<c>/api/inventory/usage</c>, scope <c>nhi.read</c>).</summary>
internal static class UsageApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/usage")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Read))
            .AddEndpointFilter<NulCharacterFilter>()
            .WithTags("Usage");
        api.MapGet("/", GetUsage).WithName("GetUsage");
        return app;
    }

    public static async Task<Results<Ok<UsagePage>, ValidationProblem>> GetUsage(
        [FromQuery(Name = "client_id")] string? clientId,
        [FromQuery(Name = "route")] string? routeId,
        [FromQuery] string? path,
        [FromQuery] DateTimeOffset? since,
        [FromQuery] int? limit,
        IUsageLedger ledger,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxLimit}."] });
        }

        var events = await ledger.QueryAsync(new UsageQuery
        {
            ClientId = clientId,
            RouteId = routeId,
            Path = path,
            Since = since,
            Limit = limit ?? 100,
        }, cancellationToken);
        return TypedResults.Ok(new UsagePage(events));
    }
}
