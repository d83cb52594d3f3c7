namespace NhiPlatform.TokenService.Domain;

/// <summary>What <see cref="IIdentityStore.CommitAsync"/> did with a change.</summary>
internal enum CommitOutcome
{
    Committed,

    /// <summary>A creation found its client id taken; nothing was written.</summary>
    ClientIdTaken,

    /// <summary>The change would have left no lasting administrator (<see cref="Administration"/>); nothing was written.</summary>
    LastAdministrator,
}
