namespace NhiPlatform.Gateway.Infrastructure.Kestrel;

/// <summary>How Kestrel hands the gateway its requests (<c>Nhi:Gateway:Transport</c>).</summary>
internal sealed class GatewayTransportOptions
{
    public const string SectionName = "Transport";

    /// <summary>
    /// Runs a request on the thread that completed its socket read, and sends its response from the thread that wrote
    /// it, instead of queueing each step to the thread pool or a Kestrel I/O queue once more (Kestrel's
    /// <c>SocketTransportOptions.UnsafePreferInlineScheduling</c>). The runtime still completes socket reads on the thread
    /// pool (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> is not set), so code that blocked would hold a pool
    /// thread as it does without this, not the socket engine's thread; nothing on the gateway's request path blocks.
    /// Two hand-offs and their context switches fewer per request: on the 2-core benchmark VM, about 7 points of
    /// throughput against bare YARP run with the same setting (bench/Gateway.sh).
    /// </summary>
    public bool InlineScheduling { get; set; } = true;
}
