using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// The bounded queue between requests and the Redis writer: a request only enqueues, never waits on Redis.
/// </summary>
internal sealed class UsageEventChannel(IOptions<UsageOptions> options, UsageMetrics metrics)
{
    private readonly Channel<UsageRecordedEvent> _channel = Channel.CreateBounded<UsageRecordedEvent>(
        new BoundedChannelOptions(options.Value.ChannelCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    public ChannelReader<UsageRecordedEvent> Reader => _channel.Reader;

    /// <summary>Enqueues without blocking; false (and counted) when the queue is full.</summary>
    public bool TryWrite(UsageRecordedEvent usage)
    {
        if (_channel.Writer.TryWrite(usage))
        {
            return true;
        }

        metrics.Dropped();
        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
