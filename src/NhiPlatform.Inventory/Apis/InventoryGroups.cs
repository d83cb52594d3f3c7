using NhiPlatform.Contracts;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.Inventory.Apis;

/// <summary>
/// <c>/api/inventory</c> as the gateway splits it: reads (GET/HEAD) need <c>nhi.read</c>, writes need <c>nhi.admin</c>.
/// The inventory enforces the same itself, so a caller that bypasses the gateway gains nothing.
/// </summary>
internal static class InventoryGroups
{
    public const string Prefix = "/api/inventory";

    public static RouteGroupBuilder Reads(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup(Prefix).RequireAuthorization(ScopePolicies.For(NhiScopes.Read)).AddEndpointFilter<NulCharacterFilter>().AddEndpointFilter<QueryProblemsFilter>().WithTags(tag);

    public static RouteGroupBuilder Writes(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup(Prefix).RequireAuthorization(ScopePolicies.For(NhiScopes.Admin)).AddEndpointFilter<NulCharacterFilter>().AddEndpointFilter<QueryProblemsFilter>().WithTags(tag);

    public static string Actor(this System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(NhiClaims.ClientId)?.Value ?? user.FindFirst(NhiClaims.Subject)?.Value ?? "unknown";
}
