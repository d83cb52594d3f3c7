using Microsoft.Extensions.Options;

namespace NhiPlatform.Inventory.Live;

/// <summary>
/// Ends this replica's open streams whose holder may no longer read (<see cref="ILiveAccessCheck"/>): checked every
/// <see cref="LiveOptions.AccessCheckInterval"/> and at once when identity changes were stored, so a disabled identity or
/// one that lost <c>nhi.read</c> stops hearing within seconds. Renews the surviving streams' slots on the way.
/// </summary>
internal sealed class LiveAccessMonitor(
    LiveUpdates updates, ILiveAccessCheck access, ILiveTicketStore tickets, IOptions<LiveOptions> options, TimeProvider timeProvider,
    ILogger<LiveAccessMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = new CancellationTokenSource(options.Value.AccessCheckInterval, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, stoppingToken))
            {
                try
                {
                    await updates.IdentityChanges.WaitToReadAsync(linked.Token);
                    updates.IdentityChanges.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The periodic check is due.
                }
            }

            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LiveLog.AccessCheckFailed(logger, exception);
            }
        }
    }

    /// <summary>One pass over the open streams.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var open = updates.Snapshot();
        if (open.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var revoked = await access.FindRevokedAsync([.. open.Select(s => s.Holder).Distinct()], now, cancellationToken);
        foreach (var (id, holder) in open.Where(s => revoked.Contains(s.Holder)))
        {
            updates.End(id);
            LiveLog.StreamEnded(logger, holder.ClientId);
        }

        await tickets.RenewStreamsAsync([.. open.Where(s => !revoked.Contains(s.Holder)).Select(s => (s.Holder.ClientId, s.Id))],
            options.Value.StreamLease, now, cancellationToken);
    }
}
