using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// The bounded queue between requests and the Redis writer: a request only enqueues, never waits on Redis. When the
/// queue is full the event goes to the spill file instead; only if that fails too is it dropped (and counted).
/// </summary>
internal sealed class UsageEventChannel(IOptions<UsageOptions> options, UsageSpillFile spill, UsageMetrics metrics,
    ILogger<UsageEventChannel> logger)
{
    private readonly Channel<UsageRecordedEvent> _channel = Channel.CreateBounded<UsageRecordedEvent>(
        new BoundedChannelOptions(options.Value.ChannelCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    public ChannelReader<UsageRecordedEvent> Reader => _channel.Reader;

    /// <summary>Enqueues without blocking, or spills; false (logged and counted as dropped) only when both fail.</summary>
    public bool TryWrite(UsageRecordedEvent usage)
    {
        if (_channel.Writer.TryWrite(usage) || spill.TryAppend([usage]))
        {
            return true;
        }

        UsageLog.Dropped(logger, usage.EventId, usage.RouteId);
        metrics.Dropped();
        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
