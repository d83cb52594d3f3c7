using System.Security.Claims;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// The scopes a principal holds: the <c>scope</c> claim, space-delimited (RFC 9068 §2.2.3; an array is accepted
/// too). Matching is exact and case-sensitive (RFC 6749 §3.3), so look-alikes never pass.
/// </summary>
internal static class GrantedScopes
{
    /// <summary>Whether <paramref name="user"/> holds <paramref name="scope"/> (an empty scope is never held).</summary>
    public static bool Has(ClaimsPrincipal user, string scope)
    {
        if (scope.Length == 0)
        {
            return false;
        }

        foreach (var identity in user.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                if (claim.Type != NhiClaims.Scope)
                {
                    continue;
                }

                var value = claim.Value.AsSpan();
                foreach (var range in value.Split(' '))
                {
                    if (value[range].SequenceEqual(scope))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
