using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.Gateway.Routing;

/// <summary>
/// Lets the authorization middleware keep each endpoint's combined policy. The scope policy provider builds a policy
/// from its name alone (the same name always gives the same policy), but as a subclass of the default provider it
/// does not say so, and every request re-parsed its route's policy name and rebuilt the policy.
/// </summary>
internal sealed class CachingPolicyProvider(IAuthorizationPolicyProvider inner) : IAuthorizationPolicyProvider
{
    public bool AllowsCachingPolicies => true;

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => inner.GetPolicyAsync(policyName);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => inner.GetFallbackPolicyAsync();
}
