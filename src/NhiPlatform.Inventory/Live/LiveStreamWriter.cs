using System.Threading.Channels;

namespace NhiPlatform.Inventory.Live;

/// <summary>The server-sent events of one open stream: ready, then each change kind, keep-alives, and ended when access goes.</summary>
internal static class LiveStreamWriter
{
    public static async Task WriteAsync(
        HttpResponse response, ChannelReader<string> reader, CancellationToken ended, TimeSpan keepAlive, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        try
        {
            await WriteFrameAsync(response, "retry: 1000\nevent: ready\ndata: {}\n\n", cancellationToken);
            while (!cancellationToken.IsCancellationRequested && !ended.IsCancellationRequested)
            {
                using var idle = new CancellationTokenSource(keepAlive, timeProvider);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ended, idle.Token);
                string frame;
                try
                {
                    var kind = await reader.ReadAsync(wait.Token);
                    frame = $"event: changed\ndata: {{\"kind\":\"{kind}\"}}\n\n";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !ended.IsCancellationRequested)
                {
                    frame = ": keep-alive\n\n";
                }
                catch (OperationCanceledException) when (ended.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The page must not reconnect on its own: its identity may no longer read.
                    frame = "event: ended\ndata: {\"reason\":\"access\"}\n\n";
                }

                await WriteFrameAsync(response, frame, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private static async Task WriteFrameAsync(HttpResponse response, string frame, CancellationToken cancellationToken)
    {
        await response.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
