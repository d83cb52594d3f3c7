namespace NhiPlatform.Inventory.Ingestion;

/// <summary>One Redis stream as this inventory replica's consumer in the inventory group sees it.</summary>
internal interface IEventStream
{
    /// <summary>The stream's key, e.g. <c>nhi:usage</c>.</summary>
    string Name { get; }

    /// <summary>Creates the consumer group (reading from the stream's start) if it does not exist.</summary>
    Task EnsureGroupAsync(CancellationToken cancellationToken);

    /// <summary>Entries delivered to this consumer and not acknowledged: what it was doing when it last stopped.</summary>
    Task<IReadOnlyList<StreamEntry>> ReadPendingAsync(int count, CancellationToken cancellationToken);

    /// <summary>Entries never delivered to any consumer of the group.</summary>
    Task<IReadOnlyList<StreamEntry>> ReadNewAsync(int count, CancellationToken cancellationToken);

    /// <summary>Takes over entries another consumer left unacknowledged for longer than <paramref name="minIdle"/>.</summary>
    Task<IReadOnlyList<StreamEntry>> ClaimAbandonedAsync(TimeSpan minIdle, int count, CancellationToken cancellationToken);

    Task AcknowledgeAsync(IReadOnlyList<string> entryIds, CancellationToken cancellationToken);
}
