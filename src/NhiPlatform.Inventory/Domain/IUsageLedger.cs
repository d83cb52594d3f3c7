using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Inventory.Domain;

/// <summary>The record of which identity called what.</summary>
internal interface IUsageLedger
{
    /// <summary>
    /// Stores the events and dead letters in one transaction; an event id already stored is skipped, so a replayed
    /// batch is harmless. Returns how many events were new.
    /// </summary>
    Task<int> AppendAsync(IReadOnlyList<UsageRecordedEvent> events, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageRecordedEvent>> QueryAsync(UsageQuery query, CancellationToken cancellationToken);
}
