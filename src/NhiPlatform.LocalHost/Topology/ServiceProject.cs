using NhiPlatform.Contracts;

namespace NhiPlatform.LocalHost.Topology;

/// <summary>A service the LocalHost starts from its built assembly (<c>dotnet &lt;dll&gt;</c>, not <c>dotnet run</c>).</summary>
internal sealed record ServiceProject(string Resource, string ProjectDirectory, string AssemblyName)
{
    public const string TargetFramework = "net10.0";

    public static readonly ServiceProject Tokens =
        new(NhiResources.Tokens, "src/NhiPlatform.TokenService", "NhiPlatform.TokenService");

    public static readonly ServiceProject Inventory =
        new(NhiResources.Inventory, "src/NhiPlatform.Inventory", "NhiPlatform.Inventory");

    public static readonly ServiceProject Echo =
        new(NhiResources.Echo, "src/samples/NhiPlatform.Samples.Echo", "NhiPlatform.Samples.Echo");

    public static readonly ServiceProject Gateway =
        new(NhiResources.Gateway, "src/NhiPlatform.Gateway", "NhiPlatform.Gateway");

    public static readonly ServiceProject Billing =
        new(NhiResources.Billing, "src/samples/NhiPlatform.Samples.Billing", "NhiPlatform.Samples.Billing");

    public static readonly ServiceProject Orders =
        new(NhiResources.Orders, "src/samples/NhiPlatform.Samples.Orders", "NhiPlatform.Samples.Orders");

    /// <summary>The demo traffic; with <c>seed</c> it is the one-shot step that registers the sample identities.</summary>
    public static readonly ServiceProject DemoTraffic =
        new(NhiResources.DemoTraffic, "src/samples/NhiPlatform.Samples.DemoTraffic", "NhiPlatform.Samples.DemoTraffic");

    /// <summary>The project directory: the working directory Aspire gives a project (its content root).</summary>
    public string ProjectPath(string repositoryRoot) => Path.Combine(repositoryRoot, ProjectDirectory);

    public string AssemblyPath(string repositoryRoot, string configuration) =>
        Path.Combine(ProjectPath(repositoryRoot), "bin", configuration, TargetFramework, AssemblyName + ".dll");
}
