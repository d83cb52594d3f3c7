using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>
/// Validate stage, RFC 8707 §2: the requested <c>resource</c> (or RFC 8693 <c>audience</c>) must be one the
/// identity may ask for, else invalid_target; omitted, the platform's default audience.
/// </summary>
internal static class AudienceValidator
{
    public static (string? Audience, OAuthError? Error) Validate(string? requested, Identity identity, string defaultAudience)
    {
        if (requested is null || requested == defaultAudience)
        {
            return (defaultAudience, null);
        }

        return identity.AllowedAudiences.Contains(requested, StringComparer.Ordinal)
            ? (requested, null)
            : (null, new OAuthError(OAuthErrors.InvalidTarget, "The requested resource is not allowed for this client."));
    }
}
