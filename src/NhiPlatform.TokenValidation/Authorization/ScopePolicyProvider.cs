using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>Builds <c>scope:…</c> and <c>nhi:…</c> policies on demand; every other name goes to the default provider.</summary>
internal sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!ScopePolicies.TryParsePolicy(policyName, out var policy))
        {
            return await base.GetPolicyAsync(policyName);
        }

        var builder = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser();
        if (policy.Audience is not null)
        {
            builder.AddRequirements(new AudienceRequirement(policy.Audience));
        }

        if (policy.AllOf.Count > 0)
        {
            builder.AddRequirements(new ScopeRequirement(policy.AllOf));
        }

        if (policy.AnyOf.Count > 0)
        {
            builder.AddRequirements(new AnyScopeRequirement(policy.AnyOf));
        }

        return builder.Build();
    }
}
