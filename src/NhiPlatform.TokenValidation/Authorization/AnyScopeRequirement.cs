using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>The token must carry at least one of <see cref="Scopes"/>.</summary>
public sealed class AnyScopeRequirement(IReadOnlyList<string> scopes) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Scopes { get; } = scopes;

    internal bool IsMetBy(ClaimsPrincipal user) => Scopes.Any(scope => GrantedScopes.Has(user, scope));
}
