using System.Net;
using System.Net.Sockets;

namespace NhiPlatform.Testing.Hosting;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (any of 127.0.0.0/8 on Linux). The token
/// service counts failed authentications per client id and source address, and believes X-Forwarded-For only from
/// its trusted proxies: a test acts as a caller of its own, or as an untrusted direct caller.
/// </summary>
public static class SourceAddressClient
{
    public static HttpClient Create(Uri baseAddress, IPAddress source, TimeSpan? timeout = null, bool latin1Headers = false)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A request sent with Expect: 100-continue waits for the server's word before its body, however loaded the machine.
            Expect100ContinueTimeout = TimeSpan.FromSeconds(15),
            // Header bytes above 0x7F go out as they are (a hostile client's bad encodings), rather than being refused.
            RequestHeaderEncodingSelector = latin1Headers ? (_, _) => System.Text.Encoding.Latin1 : null,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
    }
}
