using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// Turns failed requirements into RFC 6750 §3.1 errors: a token meant for another audience is 401
/// <c>invalid_token</c>; a missing scope is 403 <c>insufficient_scope</c> naming the scopes required.
/// </summary>
internal sealed class BearerAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToArray() ?? [];
            if (failed.OfType<AudienceRequirement>().Any())
            {
                context.Features.Set(new AccessTokenFailureFeature { Reason = BearerErrorWriter.InvalidToken });
                return BearerErrorWriter.WriteUnauthorizedAsync(context, tokenPresented: true);
            }

            var scopes = policy.Requirements
                .SelectMany(r => r switch
                {
                    ScopeRequirement all => all.Scopes,
                    AnyScopeRequirement any => any.Scopes,
                    _ => [],
                })
                .Distinct(StringComparer.Ordinal).ToArray();
            if (scopes.Length > 0)
            {
                context.Features.Set(new AccessTokenFailureFeature { Reason = BearerErrorWriter.InsufficientScope });
                return BearerErrorWriter.WriteInsufficientScopeAsync(context, scopes);
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
