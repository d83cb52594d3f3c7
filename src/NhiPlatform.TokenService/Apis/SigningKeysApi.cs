using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.TokenService.Apis.Models;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Signing;
using NhiPlatform.TokenValidation.Authorization;
using NhiPlatform.ServiceDefaults.Problems;

namespace NhiPlatform.TokenService.Apis;

/// <summary>Admin API for signing keys (<c>/api/admin/signing-keys</c>): list, rotate, emergency revoke.</summary>
internal static class SigningKeysApi
{
    public static IEndpointRouteBuilder MapSigningKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/signing-keys")
            .RequireAuthorization(ScopePolicies.For(NhiScopes.Admin))
            .AddEndpointFilter<NulCharacterFilter>()
            .WithTags("SigningKeys");
        api.MapGet("/", ListSigningKeys).WithName("ListSigningKeys");
        api.MapPost("/rotate", RotateSigningKey).WithName("RotateSigningKey");
        api.MapPost("/{kid}/revoke", RevokeSigningKey).WithName("RevokeSigningKey");
        return app;
    }

    public static async Task<Ok<SigningKeyResponse[]>> ListSigningKeys(
        ISigningKeyStore store, IOptions<SigningOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var keys = await store.ListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(k => new SigningKeyResponse
        {
            Kid = k.KeyId,
            Algorithm = k.Algorithm,
            Status = k.RevokedAt is not null ? "revoked" : k.SignsAt(now) ? "signing" : k.ActivatesAt > now ? "pending" : "retired",
            Published = k.IsPublishedAt(now, options.Value.RetiredKeyRetention),
            CreatedAt = k.CreatedAt,
            ActivatesAt = k.ActivatesAt,
            RetiredAt = k.RetiredAt,
            RevokedAt = k.RevokedAt,
        }).ToArray());
    }

    public static async Task<Results<Ok<SigningKeyResponse>, ProblemHttpResult>> RotateSigningKey(
        RotateSigningKeyRequest? body, ClaimsPrincipal user, SigningKeyManager manager, CancellationToken cancellationToken)
    {
        var key = await manager.RotateAsync(AdminResults.Actor(user), scheduled: false, immediate: body?.Immediate ?? false, cancellationToken);
        return key is null
            ? TypedResults.Problem(title: "Rotation refused", statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(new SigningKeyResponse
            {
                Kid = key.KeyId,
                Algorithm = key.Algorithm,
                Status = body?.Immediate == true ? "signing" : "pending",
                Published = true,
                CreatedAt = key.CreatedAt,
                ActivatesAt = key.ActivatesAt,
            });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSigningKey(
        string kid, ReasonRequest? body, ClaimsPrincipal user, SigningKeyManager manager, CancellationToken cancellationToken) =>
        await manager.RevokeAsync(kid, AdminResults.Actor(user), body?.Reason, cancellationToken)
            ? TypedResults.NoContent()
            : AdminResults.NotFound();
}
