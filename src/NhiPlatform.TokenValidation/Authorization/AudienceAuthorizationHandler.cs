using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>Checks <see cref="AudienceRequirement"/> against the validated token's <c>aud</c> claims (exact match).</summary>
internal sealed class AudienceAuthorizationHandler : AuthorizationHandler<AudienceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AudienceRequirement requirement)
    {
        if (requirement.IsMetBy(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
