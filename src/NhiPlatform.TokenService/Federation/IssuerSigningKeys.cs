using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Federation;

/// <summary>An issuer's signing keys as last fetched, or why none could be had.</summary>
internal sealed record IssuerSigningKeys(IReadOnlyList<SecurityKey> Keys, string? Failure)
{
    public static IssuerSigningKeys Unavailable(string failure) => new([], failure);
}
