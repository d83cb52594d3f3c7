using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Admin API for identities (<c>/api/admin/identities</c>, scope <c>nhi.admin</c>).</summary>
internal static class IdentitiesApi
{
    public static IEndpointRouteBuilder MapIdentitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/identities")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .WithTags("Identities");
        api.MapPost("/", CreateIdentity).WithName("CreateIdentity");
        api.MapGet("/", ListIdentities).WithName("ListIdentities");
        api.MapGet("/{clientId}", GetIdentity).WithName("GetIdentity");
        return app;
    }

    public static async Task<Results<Created<CreatedIdentityResponse>, ValidationProblem, ProblemHttpResult>> CreateIdentity(
        CreateIdentityRequest body, ClaimsPrincipal user, IdentityRegistrar registrar, CancellationToken cancellationToken)
    {
        var request = new NewIdentity(body.ClientId, body.DisplayName, body.Owner, body.Purpose, body.AllowedScopes ?? []);
        var errors = NewIdentityValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var actor = user.FindFirstValue(NhiClaims.ClientId) ?? "unknown";
        var registered = await registrar.RegisterAsync(request, actor, cancellationToken);
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

    public static async Task<Ok<IdentityResponse[]>> ListIdentities(IIdentityStore store, CancellationToken cancellationToken)
    {
        var identities = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(identities.Select(i => i.ToResponse()).ToArray());
    }

    public static async Task<Results<Ok<IdentityResponse>, ProblemHttpResult>> GetIdentity(
        string clientId, IIdentityStore store, CancellationToken cancellationToken)
    {
        var identity = await store.FindAsync(clientId, cancellationToken);
        return identity is null
            ? TypedResults.Problem(title: "Identity not found", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(identity.ToResponse());
    }
}
