using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>
/// Steady load through the gateway's public address (the orchestrator's proxy spreads it over the replicas) at a fixed
/// total rate, each request on a path of its own (<c>/…/load/&lt;phase&gt;/&lt;worker&gt;-&lt;n&gt;</c>) so the ledger can
/// be compared request by request. A request that gets no answer (its replica went away under it) is journaled as
/// unanswered and sent again, as a new request, through the proxy, which takes it to a replica that runs.
/// </summary>
internal sealed class LoadGenerator(GatewayClients clients, LoadCredentials credentials, PhaseClock phases, FaultSuiteSettings settings)
{
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];
    private long _retried;

    /// <summary>Requests sent again because the first got no answer.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Anything a worker could not handle (a bug in the suite or an unexpected exception type).</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public void Start() => _workers = Enumerable.Range(0, settings.Workers).Select(w => Task.Run(() => WorkAsync(w))).ToArray();

    /// <summary>Stops after each worker's current request: nothing in flight is cut off.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
    }

    private async Task WorkAsync(int worker)
    {
        var interval = TimeSpan.FromSeconds((double)settings.Workers / settings.RequestsPerSecond);
        long sequence = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await SendAsync(clients.Proxy, worker, ++sequence))
                {
                    Interlocked.Increment(ref _retried);
                    await SendAsync(clients.Proxy, worker, ++sequence);
                }

                var wait = interval - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
        }
        catch (Exception exception)
        {
            _failures.Enqueue($"worker {worker}: {exception}");
        }
    }

    /// <summary>True when the gateway answered (whatever the status; the journal judges it).</summary>
    private async Task<bool> SendAsync(GatewayClient gateway, int worker, long sequence)
    {
        var kind = LoadRequestKinds.ForSequence(sequence);
        var name = string.Create(CultureInfo.InvariantCulture, $"load/{phases.Current}/{worker}-{sequence}");
        using var request = new HttpRequestMessage(HttpMethod.Get, kind == LoadRequestKind.UnknownRoute ? "/svc/unrouted/" + name : "/svc/echo/" + name);
        request.Options.Set(RecordingHandler.ExpectedStatus, kind.ExpectedStatus());
        var token = kind switch
        {
            LoadRequestKind.NoToken => null,
            LoadRequestKind.WrongScope => credentials.WrongScope,
            _ => credentials.Valid,
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await gateway.Http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            // Journaled by the RecordingHandler as unanswered.
            return false;
        }
    }
}
