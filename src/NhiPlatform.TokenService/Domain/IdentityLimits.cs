namespace NhiPlatform.TokenService.Domain;

/// <summary>Policy bounds of the identity model.</summary>
internal static class IdentityLimits
{
    public const int DefaultTokenLifetimeSeconds = 300;
    public const int MinTokenLifetimeSeconds = 30;

    /// <summary>Policy maximum: tokens live minutes, not hours.</summary>
    public const int MaxTokenLifetimeSeconds = 3600;

    public const int DefaultCredentialMaxAgeDays = 90;
    public const int MaxCredentialMaxAgeDays = 365;
}
