using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// Free TCP ports on 127.0.0.1, for the endpoints that bind directly (no orchestrator proxy in between). Chosen below
/// the kernel's ephemeral range: a port is chosen seconds before its service binds it, and in between any outgoing
/// connection on the machine may take an ephemeral port as its own, so the service would fail to start.
/// </summary>
internal static class LoopbackPorts
{
    /// <summary>Above the ports ./run.sh prefers (5080, 15080, 19080, 20080).</summary>
    private const int Lowest = 21000;
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    public static int GetFreePort()
    {
        var below = EphemeralLow();
        for (var attempt = 0; attempt < 200 && below > Lowest; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            if (IsFree(port))
            {
                return port;
            }
        }

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

    /// <summary>The first port of the ephemeral range (32768 by default on Linux).</summary>
    private static int EphemeralLow()
    {
        try
        {
            var first = File.ReadAllText(EphemeralRange).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
