using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.TokenService.Apis;

/// <summary>The append-only audit log (<c>GET /api/admin/audit</c>), newest first, filtered and paged by id.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/audit", QueryAudit)
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .WithTags("Audit")
            .WithName("QueryAudit");
        return app;
    }

    public static async Task<Ok<AuditEntryResponse[]>> QueryAudit(
        IIdentityStore store, CancellationToken cancellationToken,
        string? target = null, string? actor = null, string? action = null, DateTimeOffset? since = null, long? before = null, int limit = 100)
    {
        var entries = await store.QueryAuditAsync(new AuditQuery(target, actor, action, since, before, Math.Clamp(limit, 1, 1000)), cancellationToken);
        return TypedResults.Ok(entries.Select(e => e.ToResponse()).ToArray());
    }
}
