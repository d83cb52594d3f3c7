using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Infrastructure.Redis;

namespace NhiPlatform.TokenService.Identities;

/// <summary>
/// Publishes the outbox to Redis: at once after a local commit, and every second otherwise (other replicas' commits,
/// earlier failures). When Redis or PostgreSQL is down the messages wait in the table: nothing is lost.
/// </summary>
internal sealed class IdentityOutboxPublisher(
    IOutboxStore outbox, RedisOutboxDelivery delivery, IdentityChangeNotifier notifier, TimeProvider timeProvider,
    ILogger<IdentityOutboxPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int sent;
                do
                {
                    sent = await outbox.DeliverAsync(BatchSize, delivery.DeliverAsync, timeProvider.GetUtcNow(), stoppingToken);
                    if (sent > 0)
                    {
                        IdentitiesLog.OutboxDelivered(logger, sent);
                    }
                }
                while (sent == BatchSize);

                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(notifier.WaitForCommitAsync(wake.Token), Task.Delay(PollInterval, timeProvider, wake.Token));
                await wake.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                IdentitiesLog.OutboxDeliveryFailed(logger, exception);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
