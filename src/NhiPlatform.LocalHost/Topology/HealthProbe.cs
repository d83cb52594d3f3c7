using System.Net;
using NhiPlatform.LocalHost.Processes;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>Waits for a service's <c>GET /health</c> to answer 200, failing early if the process exits.</summary>
internal sealed class HealthProbe(HttpClient http, TimeProvider timeProvider)
{
    public const string HealthPath = "/health";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    public async Task WaitHealthyAsync(
        PlannedService service, ChildProcess process, TimeSpan timeout, string logFile, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var health = new Uri(service.Url + HealthPath);
        var lastAnswer = "no answer";
        while (true)
        {
            if (process.HasExited)
            {
                throw new LocalHostException(
                    $"{service.Name} exited with code {process.ExitCode} before it became healthy. " +
                    $"See {logFile}; its last lines:{Environment.NewLine}{process.Output.Tail()}");
            }

            var status = await TryGetStatusAsync(health, cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                return;
            }

            lastAnswer = status is null ? "no answer" : $"HTTP {(int)status}";
            if (timeProvider.GetElapsedTime(started) > timeout)
            {
                throw new LocalHostException(
                    $"{service.Name} did not become healthy within {timeout.TotalSeconds:0} s ({health}: {lastAnswer}). " +
                    $"See {logFile}; its last lines:{Environment.NewLine}{process.Output.Tail()}");
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    private async Task<HttpStatusCode?> TryGetStatusAsync(Uri health, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await http.GetAsync(health, timeout.Token);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
