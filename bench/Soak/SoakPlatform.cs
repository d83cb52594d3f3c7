using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Soak;

/// <summary>A running platform as its state directory describes it: the gateway, the admin identity, the service processes.</summary>
internal sealed record SoakPlatform(Uri Gateway, BootstrapCredentials Admin, IReadOnlyList<ServiceProcess> Services)
{
    public static async Task<SoakPlatform> ConnectAsync(string stateDirectory)
    {
        var endpoints = await ReadAsync(Path.Combine(stateDirectory, EndpointsDocument.FileName), LocalRunJsonContext.Default.EndpointsDocument);
        var admin = await ReadAsync(Path.Combine(stateDirectory, BootstrapCredentials.FileName), LocalRunJsonContext.Default.BootstrapCredentials);
        var services = ServiceProcess.Running();
        if (services.Count == 0)
        {
            throw new InvalidOperationException("No NhiPlatform service process runs: is the platform running (./run.sh)?");
        }

        return new SoakPlatform(new Uri(endpoints.Gateway), admin, services);
    }

    private static async Task<T> ReadAsync<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize(await File.ReadAllTextAsync(path), type) ?? throw new InvalidOperationException($"{path} is empty.")
            : throw new InvalidOperationException($"{path} does not exist: is the platform running with this state directory (./run.sh)?");
}
