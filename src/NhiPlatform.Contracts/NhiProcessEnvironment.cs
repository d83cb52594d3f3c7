namespace NhiPlatform.Contracts;

/// <summary>
/// Runtime settings a service's process needs that only an environment variable can give (the .NET runtime reads them
/// before any configuration), set by the Aspire AppHost.
/// </summary>
public static class NhiProcessEnvironment
{
    /// <summary>
    /// The gateway's gen0 budget: 64 MiB. The runtime sizes gen0 from the CPU cache, which on a small VM gave 2 MiB: a
    /// collection every few hundred requests on the hot path. With 64 MiB the gateway's CPU per authenticated request
    /// fell by up to a tenth (bench/Gateway.sh, same setting for bare YARP). There is no runtimeconfig.json knob for it.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Gateway { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_GCgen0size"] = "0x4000000",
    };
}
