namespace NhiPlatform.TokenService.Domain;

/// <summary>What <see cref="IIdentityStore.CommitAsync"/> did with a change.</summary>
internal enum CommitOutcome
{
    Committed,

    /// <summary>A creation found its client id taken; nothing was written.</summary>
    ClientIdTaken,

    /// <summary>The change would have left no lasting administrator (<see cref="Administration"/>); nothing was written.</summary>
    LastAdministrator,

    /// <summary>
    /// A new federated credential's name was taken or the identity already had the most allowed, checked in the
    /// transaction (concurrent admin calls on several replicas cannot pass the limit together); nothing was written.
    /// </summary>
    FederatedCredentialRefused,
}
