namespace NhiPlatform.Contracts.Events;

/// <summary>Values of <see cref="IdentityChangedEvent.Change"/>.</summary>
public static class IdentityChangeKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Disabled = "disabled";
    public const string Enabled = "enabled";
    public const string OwnerTransferred = "owner_transferred";
    public const string Deleted = "deleted";
    public const string CredentialCreated = "credential_created";
    public const string CredentialRotated = "credential_rotated";
    public const string CredentialRevoked = "credential_revoked";
    public const string FederatedCredentialCreated = "federated_credential_created";
    public const string FederatedCredentialDeleted = "federated_credential_deleted";
}
