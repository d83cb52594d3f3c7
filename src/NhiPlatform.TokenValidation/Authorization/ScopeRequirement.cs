using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>The token must carry every one of <see cref="Scopes"/>.</summary>
public sealed class ScopeRequirement(IReadOnlyList<string> scopes) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Scopes { get; } = scopes;

    internal bool IsMetBy(ClaimsPrincipal user) => Scopes.All(scope => GrantedScopes.Has(user, scope));
}
