namespace NhiPlatform.TokenService.Domain;

/// <summary>Lifecycle states of an <see cref="Identity"/>; <see cref="Deleted"/> is a tombstone, history stays.</summary>
internal static class IdentityStatus
{
    public const string Active = "active";
    public const string Disabled = "disabled";
    public const string Deleted = "deleted";
}
