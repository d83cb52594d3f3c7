using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>
/// Listens to the gateways' usage meter (<c>NhiPlatform.Gateway.Usage</c>) in this process: totals over every replica
/// and every restart of one, as an operator's metrics backend would sum them.
/// </summary>
internal sealed class GatewayUsageCounters : IDisposable
{
    public const string MeterName = "NhiPlatform.Gateway.Usage";
    public const string Dropped = "nhi.gateway.usage.dropped";
    public const string Spilled = "nhi.gateway.usage.spilled";
    public const string Replayed = "nhi.gateway.usage.replayed";
    public const string Emitted = "nhi.gateway.usage.emitted";

    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public GatewayUsageCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    public long Total(string instrument) => _totals.GetValueOrDefault(instrument);

    public override string ToString() =>
        $"emitted {Total(Emitted)}, spilled {Total(Spilled)}, replayed {Total(Replayed)}, dropped {Total(Dropped)}";

    public void Dispose() => _listener.Dispose();
}
