namespace NhiPlatform.Inventory.Live;

/// <summary>Short-lived single-use tickets that let an EventSource (which cannot send headers) open the event stream.</summary>
internal interface ILiveTicketStore
{
    Task<string> IssueAsync(string clientId, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>The client id the ticket was issued to, once; null when unknown, expired or already used.</summary>
    Task<string?> RedeemAsync(string ticket, CancellationToken cancellationToken);
}
