using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;
using NhiPlatform.ServiceDefaults.Queries;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Admin API for identities (<c>/api/admin/identities</c>, scope <c>nhi.admin</c>).</summary>
internal static class IdentitiesApi
{
    public static IEndpointRouteBuilder MapIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/identities")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .AddEndpointFilter<QueryProblemsFilter>()
            .WithTags("Identities");
        api.MapPost("/", CreateIdentity).WithName("CreateIdentity");
        api.MapGet("/", ListIdentities).WithName("ListIdentities");
        api.MapGet("/{clientId}", GetIdentity).WithName("GetIdentity");
        api.MapPatch("/{clientId}", UpdateIdentity).WithName("UpdateIdentity");
        api.MapDelete("/{clientId}", DeleteIdentity).WithName("DeleteIdentity");
        api.MapPost("/{clientId}/disable", DisableIdentity).WithName("DisableIdentity");
        api.MapPost("/{clientId}/enable", EnableIdentity).WithName("EnableIdentity");
        api.MapPost("/{clientId}/transfer", TransferOwner).WithName("TransferOwner");
        return app;
    }

    public static async Task<Results<Created<CreatedIdentityResponse>, ValidationProblem, ProblemHttpResult>> CreateIdentity(
        CreateIdentityRequest body, ClaimsPrincipal user, IdentityRegistrar registrar, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var request = new NewIdentity(body.ClientId, body.DisplayName, body.Owner, body.Purpose, body.AllowedScopes ?? [])
        {
            Tags = body.Tags,
            DefaultScopes = body.DefaultScopes,
            AllowedAudiences = body.AllowedAudiences,
            TokenLifetimeSeconds = body.TokenLifetimeSeconds,
            CredentialMaxAgeDays = body.CredentialMaxAgeDays,
            ExpiresAt = body.ExpiresAt,
            RequireSenderConstrainedTokens = body.RequireSenderConstrainedTokens ?? false,
        };
        var errors = NewIdentityValidator.Validate(request, timeProvider.GetUtcNow());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var registered = await registrar.RegisterAsync(request, AdminResults.Actor(user), cancellationToken);
        if (registered is null)
        {
            return TypedResults.Problem(
                title: "Client id taken",
                detail: $"An identity with client id '{body.ClientId}' already exists.",
                statusCode: StatusCodes.Status409Conflict);
        }

        var identity = registered.Identity;
        return TypedResults.Created($"/api/admin/identities/{identity.ClientId}", new CreatedIdentityResponse
        {
            ClientId = identity.ClientId,
            ClientSecret = registered.ClientSecret,
            ClientSecretExpiresAt = registered.ClientSecretExpiresAt,
            Identity = identity.ToResponse(),
        });
    }

    /// <summary>Lists identities, optionally filtered by <c>owner</c>, <c>status</c>, <c>tag</c> (<c>key=value</c>) and <c>scope</c>.</summary>
    public static async Task<Ok<IdentityResponse[]>> ListIdentities(IdentityListQuery query, IIdentityStore store, CancellationToken cancellationToken)
    {
        var identities = await store.ListAsync(query.Query, cancellationToken);
        return TypedResults.Ok(identities.Select(i => i.ToResponse()).ToArray());
    }

    public static async Task<Results<Ok<IdentityResponse>, ProblemHttpResult>> GetIdentity(
        string clientId, IIdentityStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(clientId, cancellationToken);
        return record is null ? AdminResults.NotFound() : TypedResults.Ok(record.ToResponse());
    }

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> UpdateIdentity(
        string clientId, UpdateIdentityRequest body, ClaimsPrincipal user, IdentityLifecycle lifecycle, CancellationToken cancellationToken)
    {
        if (body.Owner is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["owner"] = ["The owner changes only by POST .../transfer."] });
        }

        var update = new IdentityUpdate
        {
            DisplayName = body.DisplayName,
            Purpose = body.Purpose,
            Tags = body.Tags,
            AllowedScopes = body.AllowedScopes,
            DefaultScopes = body.DefaultScopes,
            AllowedAudiences = body.AllowedAudiences,
            TokenLifetimeSeconds = body.TokenLifetimeSeconds,
            CredentialMaxAgeDays = body.CredentialMaxAgeDays,
            ExpiresAt = body.ExpiresAt,
            ClearExpiresAt = body.ClearExpiresAt,
            RequireSenderConstrainedTokens = body.RequireSenderConstrainedTokens,
        };
        return AdminResults.Identity(await lifecycle.UpdateAsync(clientId, update, AdminResults.Actor(user), cancellationToken));
    }

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> DeleteIdentity(
        string clientId, ClaimsPrincipal user, IdentityLifecycle lifecycle, CancellationToken cancellationToken, string? reason = null) =>
        AdminResults.Identity(await lifecycle.DeleteAsync(clientId, AdminResults.Actor(user), reason, cancellationToken));

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> DisableIdentity(
        string clientId, ReasonRequest? body, ClaimsPrincipal user, IdentityLifecycle lifecycle, CancellationToken cancellationToken) =>
        AdminResults.Identity(await lifecycle.DisableAsync(clientId, AdminResults.Actor(user), body?.Reason, cancellationToken));

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> EnableIdentity(
        string clientId, ReasonRequest? body, ClaimsPrincipal user, IdentityLifecycle lifecycle, CancellationToken cancellationToken) =>
        AdminResults.Identity(await lifecycle.EnableAsync(clientId, AdminResults.Actor(user), body?.Reason, cancellationToken));

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> TransferOwner(
        string clientId, TransferOwnerRequest body, ClaimsPrincipal user, IdentityLifecycle lifecycle, CancellationToken cancellationToken) =>
        AdminResults.Identity(await lifecycle.TransferAsync(clientId, body.NewOwner ?? string.Empty, AdminResults.Actor(user), body.Reason, cancellationToken));
}
