using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NhiPlatform.TokenService.Signing;

/// <summary>
/// Keeps this replica's key ring current (reload on a published change and every <c>ReloadInterval</c>) and
/// rotates on schedule: once the newest key is older than <c>RotationInterval</c>, one replica adds a new key.
/// </summary>
internal sealed class SigningKeyMaintenance(
    SigningKeyRing ring, SigningKeyManager manager, IConnectionMultiplexer redis, IOptions<SigningOptions> options,
    TimeProvider timeProvider, ILogger<SigningKeyMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(SigningKeyManager.ChangedChannel),
                (_, _) => _ = ReloadQuietlyAsync(stoppingToken));
        }
        catch (RedisException exception)
        {
            SigningLog.ChangeNotificationFailed(logger, exception);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ReloadInterval, timeProvider, stoppingToken);
                await ring.ReloadAsync(stoppingToken);
                var newest = ring.Published.Select(k => k.Stored.CreatedAt).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
                if (timeProvider.GetUtcNow() - newest >= options.Value.RotationInterval)
                {
                    await manager.RotateAsync("system", scheduled: true, immediate: false, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                SigningLog.MaintenanceFailed(logger, exception);
            }
        }
    }

    private async Task ReloadQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ring.ReloadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SigningLog.MaintenanceFailed(logger, exception);
        }
    }
}
