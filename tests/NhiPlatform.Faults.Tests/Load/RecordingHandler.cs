using System.Net;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>
/// Sits in every client the suite points at a gateway and journals each request with the answer it got, so nothing sent
/// escapes the final comparison with the inventory's ledger.
/// </summary>
internal sealed class RecordingHandler(string replica, RequestJournal journal, PhaseClock phases) : DelegatingHandler(new SocketsHttpHandler
{
    // Short-lived pooled connections: a restarted replica is reached on fresh connections soon after it is back.
    PooledConnectionLifetime = TimeSpan.FromSeconds(5),
    ConnectTimeout = TimeSpan.FromSeconds(2),
})
{
    /// <summary>The status a load request must get; absent for probes and admin calls, which check their own answers.</summary>
    public static readonly HttpRequestOptionsKey<HttpStatusCode> ExpectedStatus = new("nhi-faults-expected");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var phase = phases.Current;
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? "/";
        HttpStatusCode? expected = request.Options.TryGetValue(ExpectedStatus, out var status) ? status : null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            journal.Add(new SentRequest(phase, replica, request.Method.Method, path, (int)response.StatusCode, expected, null));
            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            journal.Add(new SentRequest(phase, replica, request.Method.Method, path, null, expected, exception.GetType().Name + ": " + exception.Message));
            throw;
        }
    }
}
