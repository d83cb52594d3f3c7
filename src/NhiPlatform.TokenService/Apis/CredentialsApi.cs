using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Contracts;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Identities;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Admin API for an identity's credentials (<c>/api/admin/identities/{clientId}/credentials</c>): metadata only, a secret shown once.</summary>
internal static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/identities/{clientId}/credentials")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .WithTags("Credentials");
        api.MapGet("/", ListCredentials).WithName("ListCredentials");
        api.MapPost("/", AddCredential).WithName("AddCredential");
        api.MapPost("/rotate", RotateCredentials).WithName("RotateCredentials");
        api.MapPost("/{credentialId:guid}/revoke", RevokeCredential).WithName("RevokeCredential");
        return app;
    }

    public static async Task<Results<Ok<CredentialSnapshot[]>, ProblemHttpResult>> ListCredentials(
        string clientId, IIdentityStore store, CancellationToken cancellationToken)
    {
        var record = await store.FindRecordAsync(clientId, cancellationToken);
        return record is null ? AdminResults.NotFound() : TypedResults.Ok(IdentitySnapshots.Credentials(record).ToArray());
    }

    public static async Task<Results<Ok<CreatedCredentialResponse>, ValidationProblem, ProblemHttpResult>> AddCredential(
        string clientId, AddCredentialRequest? body, ClaimsPrincipal user, CredentialManager credentials, CancellationToken cancellationToken)
    {
        var actor = AdminResults.Actor(user);
        var outcome = body?.Jwk is { } jwk
            ? await credentials.AddPublicKeyAsync(clientId, jwk, body.ExpiresAt, actor, cancellationToken)
            : await credentials.AddSecretAsync(clientId, actor, cancellationToken);
        return AdminResults.Map(outcome, o => Created(clientId, o));
    }

    public static async Task<Results<Ok<CreatedCredentialResponse>, ValidationProblem, ProblemHttpResult>> RotateCredentials(
        string clientId, RotateCredentialsRequest? body, ClaimsPrincipal user, CredentialManager credentials, CancellationToken cancellationToken)
    {
        if (body?.GraceSeconds is < 0 or > 30 * 86400)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["graceSeconds"] = ["Between 0 and 30 days."] });
        }

        var grace = body?.GraceSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var outcome = await credentials.RotateAsync(clientId, AdminResults.Actor(user), grace, cancellationToken);
        return AdminResults.Map(outcome, o => Created(clientId, o));
    }

    public static async Task<Results<Ok<IdentityResponse>, ValidationProblem, ProblemHttpResult>> RevokeCredential(
        string clientId, Guid credentialId, ReasonRequest? body, ClaimsPrincipal user, CredentialManager credentials, CancellationToken cancellationToken) =>
        AdminResults.Identity(await credentials.RevokeAsync(clientId, credentialId, AdminResults.Actor(user), body?.Reason, cancellationToken));

    private static CreatedCredentialResponse Created(string clientId, IdentityOutcome outcome) => new()
    {
        ClientId = clientId,
        CredentialId = outcome.CredentialId!.Value,
        ClientSecret = outcome.NewSecret,
        ExpiresAt = outcome.CredentialExpiresAt,
    };
}
