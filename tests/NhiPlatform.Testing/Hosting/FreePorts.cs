using NhiPlatform.Testing.Servers;

namespace NhiPlatform.Testing.Hosting;

/// <summary>Free loopback ports, for a service that must know its own URL before it starts (its issuer, say).</summary>
public static class FreePorts
{
    public static int Next() => LoopbackPorts.GetFreePort();
}
