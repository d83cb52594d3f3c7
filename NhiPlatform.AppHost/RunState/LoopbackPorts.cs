using System.Net;
using System.Net.Sockets;

namespace NhiPlatform.AppHost.RunState;

/// <summary>Free TCP ports on 127.0.0.1, for the endpoints that bind directly (no orchestrator proxy in between).</summary>
internal static class LoopbackPorts
{
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
