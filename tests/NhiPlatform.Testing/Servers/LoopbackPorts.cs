using System.Net;
using System.Net.Sockets;

namespace NhiPlatform.Testing.Servers;

/// <summary>
/// Free TCP ports on 127.0.0.1. A port found free is handed out once per process, so that ports chosen up front for
/// several servers never collide with each other.
/// </summary>
internal static class LoopbackPorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port the operating system reports free right now (bind to port 0, read it back, release it).</summary>
    public static int GetFreePort()
    {
        lock (Gate)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>True when nothing listens on 127.0.0.1:<paramref name="port"/> (or on every address at that port).</summary>
    public static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Marks <paramref name="port"/> as taken by this process.</summary>
    public static void Claim(int port)
    {
        lock (Gate)
        {
            HandedOut.Add(port);
        }
    }
}
