namespace NhiPlatform.Client.Tests;

/// <summary>Counts the token requests (POST /connect/token) that pass through it; discovery requests are not counted.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/connect/token")
        {
            Interlocked.Increment(ref _count);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
