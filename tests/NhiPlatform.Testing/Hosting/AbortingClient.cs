using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NhiPlatform.Testing.Hosting;

/// <summary>
/// Requests that break off halfway, over a raw socket (HttpClient always finishes what it starts): half a body then
/// the connection closed or reset, or the connection reset while the response is on its way.
/// </summary>
public static class AbortingClient
{
    /// <summary>Sends the headers with <c>Content-Length: 100000</c> and <paramref name="sentBytes"/> of body, then closes (a reset when <paramref name="reset"/>).</summary>
    public static async Task SendHalfBodyAsync(Uri server, string method, string path, IReadOnlyDictionary<string, string>? headers = null,
        int sentBytes = 100, bool reset = false)
    {
        using var socket = await ConnectAsync(server);
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: 100000\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await socket.SendAsync(Encoding.ASCII.GetBytes(new string('a', sentBytes)));
        // Give the server time to start reading (and forwarding) the body before it breaks off.
        await Task.Delay(300);
        Close(socket, reset);
    }

    /// <summary>Sends a whole request, reads the first bytes of the answer, then resets the connection.</summary>
    public static async Task ResetDuringResponseAsync(Uri server, string method, string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var socket = await ConnectAsync(server);
        var head = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: 0\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ReceiveAsync(buffer, timeout.Token);
        Close(socket, reset: true);
    }

    private static async Task<Socket> ConnectAsync(Uri server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(server.Host), server.Port));
        return socket;
    }

    private static void Close(Socket socket, bool reset)
    {
        if (reset)
        {
            // Linger zero: close sends RST instead of FIN.
            socket.LingerState = new LingerOption(true, 0);
        }
        else
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        socket.Close();
    }
}
