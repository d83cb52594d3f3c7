using System.Diagnostics.Metrics;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Benchmarks;

/// <summary>
/// Listens to the service's own ingestion instruments: events stored (to know when a backlog is done without
/// polling the ledger, which would steal CPU from what is measured), lag samples, and time per batch stage.
/// </summary>
internal sealed class IngestionProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _lags = [];
    private readonly Dictionary<string, (double Seconds, long Batches)> _stages = new(StringComparer.Ordinal);
    private long _stored;

    public IngestionProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "nhi.inventory.ingestion.stored" && IsUsage(tags))
            {
                Interlocked.Add(ref _stored, value);
            }
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (!IsUsage(tags))
            {
                return;
            }

            lock (_lags)
            {
                if (instrument.Name == "nhi.inventory.ingestion.lag")
                {
                    _lags.Add(value);
                }
                else if (instrument.Name == "nhi.inventory.ingestion.stage" && Tag(tags, "stage") is { } stage)
                {
                    var (seconds, batches) = _stages.GetValueOrDefault(stage);
                    _stages[stage] = (seconds + value, batches + 1);
                }
            }
        });
        _listener.Start();
    }

    public long Stored => Interlocked.Read(ref _stored);

    public IReadOnlyList<double> Lags
    {
        get { lock (_lags) { return [.. _lags]; } }
    }

    /// <summary>Total seconds and batch count per stage since the probe started.</summary>
    public IReadOnlyDictionary<string, (double Seconds, long Batches)> Stages
    {
        get { lock (_lags) { return new Dictionary<string, (double, long)>(_stages); } }
    }

    public async Task WaitForStoredAsync(long count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (Stored < count)
        {
            await Task.Delay(1, cancel.Token);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static bool IsUsage(ReadOnlySpan<KeyValuePair<string, object?>> tags) => Tag(tags, "stream") == NhiPlatform.Contracts.NhiStreams.Usage;

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
