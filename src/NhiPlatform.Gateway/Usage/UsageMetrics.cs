using System.Diagnostics.Metrics;

namespace NhiPlatform.Gateway.Usage;

/// <summary>Counters of usage emission: emitted must match requests, dropped must stay 0.</summary>
internal sealed class UsageMetrics
{
    public const string MeterName = "NhiPlatform.Gateway.Usage";

    private readonly Counter<long> _emitted;
    private readonly Counter<long> _dropped;
    private long _emittedTotal;
    private long _droppedTotal;

    public UsageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _emitted = meter.CreateCounter<long>("nhi.gateway.usage.emitted", description: "Usage events written to the Redis stream.");
        _dropped = meter.CreateCounter<long>("nhi.gateway.usage.dropped", description: "Usage events lost because the queue was full.");
    }

    public long EmittedTotal => Interlocked.Read(ref _emittedTotal);

    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public void Emitted(int count)
    {
        Interlocked.Add(ref _emittedTotal, count);
        _emitted.Add(count);
    }

    public void Dropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        _dropped.Add(1);
    }
}
