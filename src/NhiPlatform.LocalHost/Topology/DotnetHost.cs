namespace NhiPlatform.LocalHost.Topology;

/// <summary>The <c>dotnet</c> host that runs the service assemblies: the one running the LocalHost when it can tell.</summary>
internal static class DotnetHost
{
    public static string FileName { get; } = Resolve();

    private static string Resolve()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
