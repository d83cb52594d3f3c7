using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NhiPlatform.Testing.Servers.Redis;

/// <summary>One <c>PING</c> over a raw connection: the readiness check, without a client library.</summary>
internal static class RedisPing
{
    private static readonly byte[] Ping = "PING\r\n"u8.ToArray();

    /// <summary>True on <c>+PONG</c>; false when not listening yet or still loading its data (<c>-LOADING</c>).</summary>
    public static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Ping, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
