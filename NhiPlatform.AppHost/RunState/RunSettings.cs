using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NhiPlatform.AppHost.RunState;

/// <summary>
/// How this run is shaped, from configuration section <c>Nhi:Host</c> (./run.sh turns its options into these):
/// the demo, the gateway's port and replicas, and where run state and data live (<c>.nhi/</c> at the repository root).
/// </summary>
internal sealed record RunSettings
{
    public const string Section = "Nhi:Host";
    public const int DefaultGatewayPort = 5080;
    public const string StateDirectoryName = ".nhi";

    /// <summary>Registers the demo identities and runs their traffic, with finding windows of seconds.</summary>
    public bool Demo { get; init; }

    /// <summary>null: 5080, or a free port when 5080 is taken; 0: a free port; else exactly this port.</summary>
    public int? GatewayPort { get; init; }

    public int GatewayReplicas { get; init; } = 1;

    /// <summary>endpoints.json, bootstrap.json, samples/.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The PostgreSQL cluster, Redis's append-only file, the gateway's usage spill.</summary>
    public required string DataDirectory { get; init; }

    public string? PostgresBinDirectory { get; init; }

    public string BootstrapFile => Path.Combine(StateDirectory, NhiPlatform.Contracts.LocalRun.BootstrapCredentials.FileName);

    public string EndpointsFile => Path.Combine(StateDirectory, NhiPlatform.Contracts.LocalRun.EndpointsDocument.FileName);

    public string SamplesDirectory => Path.Combine(StateDirectory, "samples");

    public static RunSettings From(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var state = Path.GetFullPath(section["StateDirectory"] ?? Path.Combine(builder.AppHostDirectory, "..", StateDirectoryName));
        var replicas = Integer(section, "GatewayReplicas") ?? 1;
        if (replicas is < 1 or > 16)
        {
            throw new DistributedApplicationException($"{Section}:GatewayReplicas must be between 1 and 16 (it is {replicas}).");
        }

        var port = Integer(section, "GatewayPort");
        if (port is < 0 or > 65535)
        {
            throw new DistributedApplicationException($"{Section}:GatewayPort must be between 0 and 65535 (it is {port}).");
        }

        return new RunSettings
        {
            Demo = bool.TryParse(section["Demo"], out var demo) && demo,
            GatewayPort = port,
            GatewayReplicas = replicas,
            StateDirectory = state,
            DataDirectory = Path.GetFullPath(section["DataDirectory"] ?? Path.Combine(state, "data")),
            PostgresBinDirectory = section["PostgresBinDirectory"],
        };
    }

    /// <summary>The gateway's port: the default when free, a free one when it is taken or 0 was asked; a busy explicit port fails.</summary>
    public int ChooseGatewayPort() => GatewayPort switch
    {
        null when LoopbackPorts.IsFree(DefaultGatewayPort) => DefaultGatewayPort,
        null or 0 => LoopbackPorts.GetFreePort(),
        { } port when LoopbackPorts.IsFree(port) => port,
        { } port => throw new DistributedApplicationException(
            $"The gateway's port {port} on 127.0.0.1 is in use: choose another (--gateway-port), or 0 for a free one."),
    };

    private static int? Integer(IConfiguration section, string key) =>
        section[key] is { Length: > 0 } value
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new DistributedApplicationException($"{Section}:{key} must be a number (it is '{value}').")
            : null;
}
