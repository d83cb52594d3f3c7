using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.ServiceDefaults.Problems;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Federation;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenService.Apis;

/// <summary>
/// Admin API for an identity's federated credentials (<c>/api/admin/identities/{clientId}/federated-credentials</c>):
/// which external issuers' tokens authenticate it. Named like Entra's federated identity credentials; at most 20.
/// </summary>
internal static class FederatedCredentialsApi
{
    public static IEndpointRouteBuilder MapFederatedCredentialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/identities/{clientId}/federated-credentials")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .WithTags("Federated credentials");
        api.MapPost("/", AddFederatedCredential).WithName("AddFederatedCredential");
        api.MapGet("/", ListFederatedCredentials).WithName("ListFederatedCredentials");
        api.MapGet("/{name}", GetFederatedCredential).WithName("GetFederatedCredential");
        api.MapDelete("/{name}", DeleteFederatedCredential).WithName("DeleteFederatedCredential");
        return app;
    }

    public static async Task<Results<Created<FederatedCredentialResponse>, ValidationProblem, ProblemHttpResult>> AddFederatedCredential(
        string clientId, AddFederatedCredentialRequest? body, ClaimsPrincipal user, FederatedCredentialManager manager, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["A JSON body is required."] });
        }

        var (outcome, credential) = await manager.AddAsync(clientId, (defaults, allowLoopback) => FederatedCredentialRules.Check(
            body.Name, body.Issuer, body.Subject, body.Audiences, body.Claims, body.Description, body.Jwks, defaults, allowLoopback),
            AdminResults.Actor(user), cancellationToken);
        return outcome.Kind switch
        {
            IdentityOutcomeKind.Ok => TypedResults.Created($"/api/admin/identities/{clientId}/federated-credentials/{credential!.Name}", ToResponse(credential)),
            IdentityOutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!),
            _ => AdminResults.Problem(outcome),
        };
    }

    public static async Task<Results<Ok<FederatedCredentialResponse[]>, ProblemHttpResult>> ListFederatedCredentials(
        string clientId, IIdentityStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(clientId, cancellationToken);
        return record is null ? AdminResults.NotFound() : TypedResults.Ok(record.FederatedCredentials.Select(ToResponse).ToArray());
    }

    public static async Task<Results<Ok<FederatedCredentialResponse>, ProblemHttpResult>> GetFederatedCredential(
        string clientId, string name, IIdentityStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(clientId, cancellationToken);
        return record?.FederatedCredentials.FirstOrDefault(c => c.Name == name) is { } credential
            ? TypedResults.Ok(ToResponse(credential))
            : AdminResults.NotFound();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteFederatedCredential(
        string clientId, string name, ClaimsPrincipal user, FederatedCredentialManager manager, CancellationToken cancellationToken)
    {
        var outcome = await manager.DeleteAsync(clientId, name, AdminResults.Actor(user), null, cancellationToken);
        return outcome.Kind == IdentityOutcomeKind.Ok ? TypedResults.NoContent() : AdminResults.Problem(outcome);
    }

    private static FederatedCredentialResponse ToResponse(FederatedCredential credential) => new()
    {
        CredentialId = credential.CredentialId,
        ClientId = credential.ClientId,
        Name = credential.Name,
        Issuer = credential.Issuer,
        Subject = credential.Subject,
        Audiences = credential.Audiences,
        Claims = credential.Claims,
        Description = credential.Description,
        PinnedJwks = credential.Jwks is not null,
        CreatedAt = credential.CreatedAt,
        CreatedBy = credential.CreatedBy,
        LastUsedAt = credential.LastUsedAt,
    };
}
