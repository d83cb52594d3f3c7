using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Revocation;
using NhiPlatform.Gateway.Revocation;
using StackExchange.Redis;

namespace NhiPlatform.Gateway.Infrastructure.Redis;

/// <summary>
/// Keeps <see cref="RevocationList"/> current: subscribes to <see cref="NhiRevocation.Channel"/> first, then loads
/// the sorted set and hash (so nothing published in between is missed), reloads after every Redis reconnect (messages
/// published while disconnected are lost by pub/sub) and every <see cref="RevocationOptions.ResyncInterval"/>.
/// </summary>
internal sealed class RedisRevocationSubscriber(
    IConnectionMultiplexer redis, RevocationList revocations, IOptions<RevocationOptions> options, TimeProvider timeProvider,
    ILogger<RedisRevocationSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _resyncRequests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private ChannelMessageQueue? _subscription;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.InitialLoadTimeout);
        if (!await TryResyncAsync(timeout.Token))
        {
            _resyncRequests.Writer.TryWrite(true);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ResyncInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var wait = new CancellationTokenSource(delay, timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(wait.Token, stoppingToken))
            {
                try
                {
                    await _resyncRequests.Reader.WaitToReadAsync(linked.Token);
                    _resyncRequests.Reader.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The periodic reload is due.
                }
            }

            revocations.TrimExpired();
            delay = await TryResyncAsync(stoppingToken) ? options.Value.ResyncInterval : RetryDelay;
        }
    }

    private async Task<bool> TryResyncAsync(CancellationToken cancellationToken)
    {
        revocations.BeginResync();
        try
        {
            if (_subscription is null)
            {
                // Subscribed before loading, so a revocation published during the load is applied on top of it.
                _subscription = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(NhiRevocation.Channel)).WaitAsync(cancellationToken);
                _subscription.OnMessage(message => OnMessage(message.Message));
            }

            var database = redis.GetDatabase();
            var now = timeProvider.GetUtcNow() - RevocationList.ExpiryGrace;
            var tokens = await database.SortedSetRangeByScoreWithScoresAsync(NhiRevocation.RevokedTokensKey, start: now.ToUnixTimeSeconds())
                .WaitAsync(cancellationToken);
            var cutoffs = await database.HashGetAllAsync(NhiRevocation.IdentityCutoffsKey).WaitAsync(cancellationToken);
            revocations.CompleteResync(
                tokens.Select(entry => KeyValuePair.Create(entry.Element.ToString(), (long)entry.Score)),
                cutoffs.Select(entry => KeyValuePair.Create(entry.Name.ToString(), ParseSeconds(entry.Value))));
            RevocationLog.Loaded(logger, revocations.TokenCount, revocations.IdentityCount);
            return true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or OperationCanceledException)
        {
            revocations.AbortResync();
            RevocationLog.LoadFailed(logger, exception, RetryDelay.TotalMilliseconds);
            return false;
        }
    }

    private void OnMessage(RedisValue payload)
    {
        try
        {
            var message = JsonSerializer.Deserialize((string?)payload ?? string.Empty, RevocationJsonContext.Default.RevocationMessage);
            if (message is null || !revocations.Apply(message))
            {
                RevocationLog.MessageInvalid(logger, null);
                return;
            }

            RevocationLog.Applied(logger, message.Kind, message.TokenId, message.ClientId);
        }
        catch (JsonException exception)
        {
            RevocationLog.MessageInvalid(logger, exception);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        RevocationLog.ResyncRequested(logger, args.ConnectionType.ToString());
        _resyncRequests.Writer.TryWrite(true);
    }

    /// <summary>A cut-off that cannot be read is treated as "everything issued until far in the future" (fail closed).</summary>
    private static long ParseSeconds(RedisValue value) =>
        long.TryParse((string?)value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds
        : double.TryParse((string?)value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fractional) ? (long)fractional
        : long.MaxValue;
}
