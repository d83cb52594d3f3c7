namespace NhiPlatform.Inventory.Live;

/// <summary>
/// Short-lived single-use tickets that let an EventSource (which cannot send headers) open the event stream, and the
/// per-identity bounds on tickets outstanding and streams open, shared by every replica.
/// </summary>
internal interface ILiveTicketStore
{
    /// <summary>A new ticket, or null when the identity already holds <paramref name="maxOutstanding"/> unused ones.</summary>
    Task<string?> IssueAsync(LiveHolder holder, TimeSpan lifetime, int maxOutstanding, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whom the ticket was issued to, once; null when unknown, expired or already used.</summary>
    Task<LiveHolder?> RedeemAsync(string ticket, CancellationToken cancellationToken);

    /// <summary>Takes a stream slot of the identity for <paramref name="lease"/>; false when <paramref name="maxOpen"/> are taken.</summary>
    Task<bool> TryOpenStreamAsync(string clientId, Guid streamId, int maxOpen, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Extends the leases of open streams (a replica that died stops renewing, and its slots free themselves).</summary>
    Task RenewStreamsAsync(IReadOnlyCollection<(string ClientId, Guid StreamId)> streams, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken);

    Task CloseStreamAsync(string clientId, Guid streamId, CancellationToken cancellationToken);
}
