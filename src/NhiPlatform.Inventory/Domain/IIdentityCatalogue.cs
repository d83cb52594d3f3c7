using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Domain;

/// <summary>The catalogue of identities and their credentials, rebuilt from identity-change events.</summary>
internal interface IIdentityCatalogue
{
    /// <summary>
    /// Applies the events and stores the dead letters in one transaction. An event id already applied is skipped;
    /// an event older than the identity's last applied one is recorded but does not roll its state back. Returns how
    /// many events were new.
    /// </summary>
    Task<int> ApplyAsync(IReadOnlyList<IdentityChangedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);
}
