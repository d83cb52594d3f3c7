using Microsoft.AspNetCore.Authorization;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>The token must carry at least one of <see cref="Scopes"/>.</summary>
public sealed class AnyScopeRequirement(IReadOnlyList<string> scopes) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Scopes { get; } = scopes;
}
