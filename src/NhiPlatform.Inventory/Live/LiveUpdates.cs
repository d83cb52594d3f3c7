using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NhiPlatform.Inventory.Live;

/// <summary>This replica's open event streams: each subscriber gets every change kind, coalesced when it lags.</summary>
internal sealed class LiveUpdates
{
    private readonly ConcurrentDictionary<Guid, Channel<string>> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public (Guid Id, ChannelReader<string> Reader) Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id)
    {
        if (_subscribers.TryRemove(id, out var channel))
        {
            channel.Writer.TryComplete();
        }
    }

    public void Notify(string kind)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(kind);
        }
    }
}
