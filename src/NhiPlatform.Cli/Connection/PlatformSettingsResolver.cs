using System.Text.Json;
using NhiPlatform.Contracts.LocalRun;

namespace NhiPlatform.Cli.Connection;

/// <summary>
/// Finds the platform: flags first, then environment (<c>NHI_GATEWAY</c>, <c>NHI_CLIENT_ID</c>, <c>NHI_CLIENT_SECRET</c>),
/// then the AppHost's <c>.nhi/endpoints.json</c> and <c>.nhi/bootstrap.json</c> in the state directory
/// (<c>--state-dir</c>, <c>NHI_STATE_DIR</c>, or the nearest <c>.nhi</c> above the working directory).
/// </summary>
internal static class PlatformSettingsResolver
{
    public const string StateDirectoryName = ".nhi";

    public static PlatformSettings Resolve(string? gateway, string? clientId, string? clientSecret, string? stateDirectory)
    {
        gateway ??= Environment.GetEnvironmentVariable("NHI_GATEWAY");
        clientId ??= Environment.GetEnvironmentVariable("NHI_CLIENT_ID");
        clientSecret ??= Environment.GetEnvironmentVariable("NHI_CLIENT_SECRET");
        var state = stateDirectory ?? Environment.GetEnvironmentVariable("NHI_STATE_DIR") ?? FindStateDirectory();

        if (gateway is null)
        {
            var endpoints = ReadJson(state, EndpointsDocument.FileName, LocalRunJsonContext.Default.EndpointsDocument)
                ?? throw new CliException(
                    "NhiPlatform is not running here: no .nhi/endpoints.json found. Start it with ./run.sh, or pass --gateway URL " +
                    "(or set NHI_GATEWAY).");
            gateway = endpoints.Gateway;
        }

        if (clientId is null || clientSecret is null)
        {
            var bootstrap = ReadJson(state, BootstrapCredentials.FileName, LocalRunJsonContext.Default.BootstrapCredentials)
                ?? throw new CliException(
                    "No credentials: pass --client-id and --client-secret (or set NHI_CLIENT_ID and NHI_CLIENT_SECRET), or run where " +
                    ".nhi/bootstrap.json exists.");
            clientId ??= bootstrap.ClientId;
            clientSecret ??= bootstrap.ClientSecret;
        }

        return Uri.TryCreate(gateway, UriKind.Absolute, out var uri)
            ? new PlatformSettings(uri, clientId, clientSecret)
            : throw new CliException($"'{gateway}' is not a URL.", ExitCodes.Usage);
    }

    private static T? ReadJson<T>(string? directory, string fileName, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var path = directory is null ? null : Path.Combine(directory, fileName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), typeInfo);
        }
        catch (JsonException exception)
        {
            throw new CliException($"{path} is not valid JSON: {exception.Message}");
        }
    }

    private static string? FindStateDirectory()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, StateDirectoryName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
