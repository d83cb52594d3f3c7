using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>The token's <c>aud</c> must include <see cref="Audience"/> (RFC 9068 §4: a resource accepts only tokens meant for it).</summary>
public sealed class AudienceRequirement(string audience) : IAuthorizationRequirement
{
    public string Audience { get; } = audience;

    internal bool IsMetBy(ClaimsPrincipal user) =>
        user.FindAll(NhiClaims.Audience).Any(claim => string.Equals(claim.Value, Audience, StringComparison.Ordinal));
}
