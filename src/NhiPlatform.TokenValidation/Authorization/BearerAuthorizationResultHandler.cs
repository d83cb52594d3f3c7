using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>Turns a failed scope requirement into RFC 6750's 403 <c>insufficient_scope</c>.</summary>
internal sealed class BearerAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var scopes = policy.Requirements.OfType<ScopeRequirement>().SelectMany(r => r.Scopes).Distinct(StringComparer.Ordinal).ToArray();
            if (scopes.Length > 0)
            {
                context.Features.Set(new AccessTokenFailureFeature { Reason = BearerErrorWriter.InsufficientScope });
                return BearerErrorWriter.WriteInsufficientScopeAsync(context, scopes);
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
