using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>Checks <see cref="AudienceRequirement"/> against the validated token's <c>aud</c> claims (exact match).</summary>
internal sealed class AudienceAuthorizationHandler : AuthorizationHandler<AudienceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AudienceRequirement requirement)
    {
        if (IsMet(context.User, requirement))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool IsMet(ClaimsPrincipal user, AudienceRequirement requirement) =>
        user.FindAll(NhiClaims.Audience).Any(claim => string.Equals(claim.Value, requirement.Audience, StringComparison.Ordinal));
}
