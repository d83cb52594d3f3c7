using System.Diagnostics.Metrics;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// Counters of usage emission: emitted + replayed covers every request (a replay may repeat an event: the inventory
/// keeps each id once), spilled is what went to disk, dropped (lost: the queue was full and the disk refused too)
/// must stay 0.
/// </summary>
internal sealed class UsageMetrics
{
    public const string MeterName = "NhiPlatform.Gateway.Usage";

    private readonly Counter<long> _emitted;
    private readonly Counter<long> _spilled;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _dropped;
    private long _emittedTotal;
    private long _spilledTotal;
    private long _replayedTotal;
    private long _droppedTotal;

    public UsageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _emitted = meter.CreateCounter<long>("nhi.gateway.usage.emitted", description: "Usage events written to the Redis stream.");
        _spilled = meter.CreateCounter<long>("nhi.gateway.usage.spilled", description: "Usage events written to the local spill file.");
        _replayed = meter.CreateCounter<long>("nhi.gateway.usage.replayed", description: "Spilled usage events written to the Redis stream.");
        _dropped = meter.CreateCounter<long>("nhi.gateway.usage.dropped", description: "Usage events lost (queue full and spill failed).");
    }

    public long EmittedTotal => Interlocked.Read(ref _emittedTotal);

    public long SpilledTotal => Interlocked.Read(ref _spilledTotal);

    public long ReplayedTotal => Interlocked.Read(ref _replayedTotal);

    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public void Emitted(int count)
    {
        Interlocked.Add(ref _emittedTotal, count);
        _emitted.Add(count);
    }

    public void Spilled(int count)
    {
        Interlocked.Add(ref _spilledTotal, count);
        _spilled.Add(count);
    }

    public void Replayed(int count)
    {
        Interlocked.Add(ref _replayedTotal, count);
        _replayed.Add(count);
    }

    public void Dropped(int count = 1)
    {
        Interlocked.Add(ref _droppedTotal, count);
        _dropped.Add(count);
    }
}
