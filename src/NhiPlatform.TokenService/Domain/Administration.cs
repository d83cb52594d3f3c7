using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.Domain;

/// <summary>
/// The platform's administration must never lock itself out: at least one identity stays a lasting administrator,
/// that is active, allowed <c>nhi.admin</c> and without an expiry date (one with a date would lock out when it passes).
/// </summary>
internal static class Administration
{
    public const string LastAdministratorDetail =
        "This change would leave no enabled identity holding nhi.admin without an expiry date. " +
        "Give another identity nhi.admin first; if every administrator is lost, use the host-only break-glass recovery (README).";

    public static bool IsLastingAdministrator(Identity identity) =>
        identity.IsActive && identity.ExpiresAt is null && identity.AllowedScopes.Contains(NhiScopes.Admin, StringComparer.Ordinal);

    /// <summary>Whether going from <paramref name="before"/> to <paramref name="after"/> takes that standing away.</summary>
    public static bool IsLostBy(Identity before, Identity after) => IsLastingAdministrator(before) && !IsLastingAdministrator(after);
}
