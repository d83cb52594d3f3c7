using Microsoft.AspNetCore.Authorization;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// Checks <see cref="ScopeRequirement"/> against the <c>scope</c> claim (RFC 9068 §2.2.3: space-delimited; an array
/// is accepted too). Matching is exact and case-sensitive (RFC 6749 §3.3), so look-alikes never pass.
/// </summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var granted = context.User.FindAll(NhiClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (requirement.Scopes.All(granted.Contains))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
