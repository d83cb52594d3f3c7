namespace NhiPlatform.TokenService.Domain;

/// <summary>What an <see cref="OutboxMessage"/> carries.</summary>
internal static class OutboxKinds
{
    /// <summary>An <c>IdentityChangedEvent</c> for the stream <c>nhi:identities</c>.</summary>
    public const string IdentityChanged = "identity.changed";

    /// <summary>A <c>RevocationMessage</c> to store and publish per the revocation contract.</summary>
    public const string Revocation = "revocation";
}
