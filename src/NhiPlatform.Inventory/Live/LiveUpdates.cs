using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NhiPlatform.Inventory.Live;

/// <summary>
/// This replica's open event streams: each subscriber gets every change kind, coalesced when it lags, and is ended by
/// <see cref="End"/> when its holder may no longer read (<see cref="LiveAccessMonitor"/>).
/// </summary>
internal sealed class LiveUpdates
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();
    private readonly Channel<bool> _identityChanges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Signalled when identity changes were stored, so open streams are checked at once.</summary>
    public ChannelReader<bool> IdentityChanges => _identityChanges.Reader;

    public IReadOnlyList<(Guid Id, LiveHolder Holder)> Snapshot() => [.. _subscribers.Select(s => (s.Key, s.Value.Holder))];

    public (ChannelReader<string> Reader, CancellationToken Ended) Subscribe(Guid id, LiveHolder holder)
    {
        var subscriber = new Subscriber(
            Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest }), holder, new CancellationTokenSource());
        _subscribers[id] = subscriber;
        return (subscriber.Channel.Reader, subscriber.Ended.Token);
    }

    public void Unsubscribe(Guid id)
    {
        if (_subscribers.TryRemove(id, out var subscriber))
        {
            subscriber.Channel.Writer.TryComplete();
            subscriber.Ended.Dispose();
        }
    }

    /// <summary>Ends the stream: its holder may no longer read.</summary>
    public void End(Guid id)
    {
        if (_subscribers.TryGetValue(id, out var subscriber))
        {
            try
            {
                subscriber.Ended.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Unsubscribed meanwhile.
            }
        }
    }

    public void Notify(string kind)
    {
        if (kind == LiveChangeKinds.Identities)
        {
            _identityChanges.Writer.TryWrite(true);
        }

        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Channel.Writer.TryWrite(kind);
        }
    }

    private sealed record Subscriber(Channel<string> Channel, LiveHolder Holder, CancellationTokenSource Ended);
}
