using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.TokenService.Apis;

/// <summary>The append-only audit log (<c>GET /api/admin/audit</c>), newest first, filtered and paged by cursor.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", QueryAudit)
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .AddEndpointFilter<QueryProblemsFilter>()
            .WithTags("Audit")
            .WithName("QueryAudit");
        return app;
    }

    /// <summary>Newest first; when more entries follow, a <c>Link rel="next"</c> header carries the cursor of the next page.</summary>
    public static async Task<Ok<AuditEntryResponse[]>> QueryAudit(
        AuditListQuery query, IIdentityStore store, HttpContext context, CancellationToken cancellationToken)
    {
        // One entry more than asked says whether another page follows.
        var limit = query.Query.Limit;
        var entries = await store.QueryAuditAsync(query.Query with { Limit = limit + 1 }, cancellationToken);
        if (entries.Count > limit)
        {
            entries = [.. entries.Take(limit)];
            NextPageLink.Set(context, AuditListQuery.Cursor(entries[^1].Id));
        }

        return TypedResults.Ok(entries.Select(e => e.ToResponse()).ToArray());
    }
}
