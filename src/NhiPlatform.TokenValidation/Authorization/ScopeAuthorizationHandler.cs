using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// Checks <see cref="ScopeRequirement"/> (all of) and <see cref="AnyScopeRequirement"/> (any of) against the
/// <c>scope</c> claim (<see cref="GrantedScopes"/>): exact, case-sensitive matches only.
/// </summary>
internal sealed class ScopeAuthorizationHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.ToArray())
        {
            var satisfied = requirement switch
            {
                ScopeRequirement all => all.IsMetBy(context.User),
                AnyScopeRequirement any => any.IsMetBy(context.User),
                _ => false,
            };
            if (satisfied)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
